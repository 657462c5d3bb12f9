//! A problem found while reading outside data, said in Spanish and English.

/// What went wrong with one value: a [`Text`](crate::Text), whose `Display` shows the Spanish.
pub type Problem = crate::Text;

/// A value that did not read, with the ways it could be read when there are several ("1.500":
/// 1500 or 1.5; "corea": either Korea), for the person to choose; nothing is guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub text: Problem,
    pub choices: Vec<crate::domain::Alternative>,
}

impl From<Problem> for Unread {
    fn from(text: Problem) -> Self {
        Unread { text, choices: Vec::new() }
    }
}

impl From<Unread> for Problem {
    fn from(unread: Unread) -> Self {
        unread.text
    }
}

/// Progress and cancellation of long work: the same for every job of the core.
pub use crate::job::{Cancelled, Progress};
