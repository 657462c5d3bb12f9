//! Long work (loading sample data, imports, reports) runs off the main thread, reports its
//! progress through a Tauri channel and stops when the window asks: the window's side of the
//! core's [`enlace::job`].
//!
//! The window picks a job id, passes it with a `Channel<Progress>` to the command, and may call
//! `cancel_job(id)` at any time; the work checks [`JobHandle::report`]'s answer between steps.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tauri::ipc::Channel;
use ts_rs::TS;

use enlace::job::Cancelled;

/// One step of a long job, as the progress bar shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Progress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// The jobs now running, by the id the window gave them.
#[derive(Default)]
pub struct Jobs {
    running: Mutex<HashMap<String, Arc<AtomicBool>>>,
}

impl Jobs {
    /// Registers a job; it is forgotten when the returned handle is dropped.
    pub fn start<'a>(&'a self, id: &str, channel: Channel<Progress>) -> JobHandle<'a> {
        let cancelled = Arc::new(AtomicBool::new(false));
        self.running.lock().expect("jobs lock").insert(id.to_string(), cancelled.clone());
        JobHandle { jobs: self, id: id.to_string(), cancelled, channel }
    }

    /// Asks a job to stop; false if no such job is running (it may just have finished).
    pub fn cancel(&self, id: &str) -> bool {
        match self.running.lock().expect("jobs lock").get(id) {
            Some(flag) => {
                flag.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }
}

pub struct JobHandle<'a> {
    jobs: &'a Jobs,
    id: String,
    cancelled: Arc<AtomicBool>,
    channel: Channel<Progress>,
}

impl JobHandle<'_> {
    /// Sends progress to the window; `Err` once the window has cancelled the job. The core's
    /// [`enlace::job::Progress`] callbacks are `|done, total| handle.report(done, total).is_ok()`.
    pub fn report(&self, done: u64, total: u64) -> Result<(), Cancelled> {
        if self.cancelled.load(Ordering::SeqCst) {
            return Err(Cancelled);
        }
        // A closed window cannot receive progress; the work itself still completes.
        let _ = self.channel.send(Progress { done, total });
        Ok(())
    }
}

impl Drop for JobHandle<'_> {
    fn drop(&mut self) {
        self.jobs.running.lock().expect("jobs lock").remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn silent_channel() -> Channel<Progress> {
        Channel::new(|_| Ok(()))
    }

    #[test]
    fn a_cancelled_job_stops_at_its_next_report() {
        let jobs = Jobs::default();
        let job = jobs.start("import-1", silent_channel());
        assert!(job.report(1, 10).is_ok());
        assert!(jobs.cancel("import-1"));
        assert_eq!(job.report(2, 10), Err(Cancelled));
    }

    #[test]
    fn a_finished_job_can_no_longer_be_cancelled() {
        let jobs = Jobs::default();
        drop(jobs.start("sample", silent_channel()));
        assert!(!jobs.cancel("sample"));
    }
}
