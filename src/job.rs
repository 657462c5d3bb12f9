//! Long work (imports, exports, reports, bundles, archives) reports how far it got and can be
//! stopped: one [`Progress`] callback and one [`Cancelled`] outcome for all of it.

use crate::lang::{ErrorCode, Explain, Text};

/// Progress of long work: called with `(done, total)`; returning `false` stops the work, which
/// then ends with its "cancelled" outcome and leaves nothing half done.
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64) -> bool;

/// A progress callback that never stops the work.
pub fn ignore(_done: u64, _total: u64) -> bool {
    true
}

/// The outcome of long work stopped through its [`Progress`] callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("operación cancelada")]
pub struct Cancelled;

impl Explain for Cancelled {
    fn text(&self) -> Text {
        crate::lang::cancelled()
    }

    fn code(&self) -> ErrorCode {
        ErrorCode::Cancelled
    }
}
