//! Follow-up tasks by due date, for the calendar and the agenda.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Result;
use crate::domain::{ActivityId, PartialDate};

/// A follow-up task with the activity it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueFollowUp {
    pub activity_id: ActivityId,
    pub activity_title: String,
    pub task: String,
    pub due: PartialDate,
    pub owner: Option<String>,
    pub done: bool,
}

impl super::Store {
    /// Follow-ups of live activities due within `from..=to` (ISO dates), earliest first. A due
    /// date with month or year precision counts when its period overlaps the range.
    pub fn follow_ups_due(&self, from: &str, to: &str) -> Result<Vec<DueFollowUp>> {
        // Partial dates sort as text: "2021-07" falls between "2021-07-01"'s month start and end
        // once compared on the same length, which substr does.
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.activity_id, a.title, f.task, f.due, f.owner, f.done
             FROM follow_ups f JOIN activities a ON a.id = f.activity_id
             WHERE a.deleted_at IS NULL AND f.due IS NOT NULL
               AND f.due >= substr(?1, 1, length(f.due)) AND f.due <= substr(?2, 1, length(f.due))
             ORDER BY f.due, a.start_date, f.position",
        )?;
        let rows = stmt.query_map([from, to], |r| {
            let id: String = r.get(0)?;
            let due: String = r.get(3)?;
            Ok((id, r.get::<_, String>(1)?, r.get::<_, String>(2)?, due, r.get::<_, Option<String>>(4)?, r.get::<_, bool>(5)?))
        })?;
        let mut due = Vec::new();
        for row in rows {
            let (id, activity_title, task, date, owner, done) = row?;
            let (Ok(activity_id), Ok(due_date)) = (id.parse(), date.parse()) else { continue };
            due.push(DueFollowUp { activity_id, activity_title, task, due: due_date, owner, done });
        }
        Ok(due)
    }
}
