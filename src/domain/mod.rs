//! Activity kinds, their fields, dates, the directory and validation. Pure: no I/O.

pub mod activity;
pub mod date;
pub mod decimal;
pub mod details;
pub mod directory;
pub mod ids;
pub mod kind;
pub mod validate;

pub use activity::{Activity, Attachment, ActivityInput, ReportMark, FollowUp, OrgLink, OrgMention, PersonLink, PersonMention, RecordMeta};
pub use date::{PartialDate, Precision};
pub use details::{field_named, fields_of, Choice, DetailField, Details, FieldType};
pub use directory::{LikelyDuplicate, OrgKind, Organisation, Person};
pub use ids::{ActivityId, AxisId, OrgId, PersonId};
pub use kind::{Kind, Modality, Status};
pub use validate::{validate, Alternative, FieldError, ValidActivity, ValidationErrors};
