//! Sync bundles between copies (placeholder; filled below).
pub mod change;
pub mod hlc;
pub mod identity;
pub mod merge;
pub mod paths;
pub mod container;
pub mod manifest;
