//! `enlace attachment`: attach a file to an activity and mark a photo for the period report.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use enlace::domain::ReportMark;
use enlace::store::{Actor, Store};

#[derive(Subcommand)]
pub enum AttachmentCmd {
    /// Attach a file to an activity; prints its SHA-256, which `mark` takes.
    Add { activity: String, file: PathBuf },
    /// Print a JPEG or PNG photo beside its activity's entry in the period report, with a
    /// caption and a credit ("Foto: …"); --off takes it out of the report. Caption and credit
    /// left out are kept as they are; given empty ("") they are cleared.
    Mark {
        activity: String,
        /// The attachment's SHA-256 (see `enlace show ACTIVITY` or `attachment add`).
        hash: String,
        #[arg(long)]
        caption: Option<String>,
        #[arg(long)]
        credit: Option<String>,
        /// Take the photo out of the report (its caption and credit are kept).
        #[arg(long)]
        off: bool,
    },
}

pub fn attachment(store: &mut Store, action: AttachmentCmd, actor: &Actor) -> Result<()> {
    match action {
        AttachmentCmd::Add { activity, file } => {
            let attached = store.attach(&super::parse_id(&activity)?, &file, actor)?;
            println!("Adjunto: {}  {}", attached.hash, attached.file_name);
        }
        AttachmentCmd::Mark { activity, hash, caption, credit, off } => {
            let id = super::parse_id(&activity)?;
            let kept = store
                .get(&id)?
                .and_then(|a| a.attachments.into_iter().find(|a| a.hash == hash))
                .map(|a| a.report_mark())
                .unwrap_or_default();
            let mark = ReportMark { in_report: !off, caption: caption.or(kept.caption), credit: credit.or(kept.credit) };
            let marked = store.mark_attachment(&id, &hash, mark, actor)?;
            let state = if marked.in_report { "en el informe" } else { "fuera del informe" };
            println!("{}: {state}", marked.file_name);
        }
    }
    Ok(())
}
