//! A problem found while reading outside data, said in Spanish and English.

/// What went wrong with one value: a [`Text`](crate::Text), whose `Display` shows the Spanish.
pub type Problem = crate::Text;

/// Progress and cancellation of long work: the same for every job of the core.
pub use crate::job::{Cancelled, Progress};
