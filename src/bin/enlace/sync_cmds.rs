//! `identity`, `roster`, `bundle` and `conflicts`: sync between copies, offline.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use clap::Subcommand;
use enlace::store::{Actor, Store};
use enlace::sync::conflicts::{self, Choice};
use enlace::sync::{self, roster, Identity, ImportOptions, PublicIdentity, Role};
use enlace::text::size_text;

#[derive(Subcommand)]
pub enum IdentityCmd {
    /// Create this copy's identity (keys for signing and encryption).
    Init {
        #[arg(long)]
        name: String,
        /// officer or central.
        #[arg(long)]
        role: String,
    },
    /// Print (or write) the public identity to hand to the other side.
    Show {
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the age secret key, to check bundles with the `age` tool.
    ExportAgeKey {
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum RosterCmd {
    /// Accept a copy whose public identity file is given.
    Add { file: PathBuf },
    List,
}

#[derive(Subcommand)]
pub enum BundleCmd {
    /// Write a bundle of the changes the recipient has not acknowledged (all with --all).
    Export {
        /// The recipient's public identity file.
        #[arg(long)]
        to: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        all: bool,
    },
    /// Apply a bundle; prints what was applied, skipped and conflicted.
    Import {
        file: PathBuf,
        /// Apply even a bundle that deletes or overwrites many records.
        #[arg(long)]
        confirm: bool,
        /// Apply a bundle whose sender's clock runs ahead of this one.
        #[arg(long)]
        accept_clock_skew: bool,
    },
    /// Show a bundle's manifest, sender, counts and verification result.
    Inspect { file: PathBuf },
}

#[derive(Subcommand)]
pub enum ConflictsCmd {
    List,
    /// Settle a conflict on one field of an activity (field `_deleted` for delete vs edit).
    Resolve {
        activity: String,
        #[arg(long)]
        field: String,
        /// Keep value number N as `conflicts list` shows it.
        #[arg(long)]
        keep: Option<usize>,
        /// Write a new value (JSON).
        #[arg(long)]
        value: Option<String>,
        #[arg(long)]
        keep_deleted: bool,
        #[arg(long)]
        restore: bool,
    },
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("no se pudo leer {}", path.display()))
}

fn public_identity(path: &Path) -> Result<PublicIdentity> {
    let text = String::from_utf8(read(path)?).map_err(|_| anyhow!("{} no es un archivo de texto", path.display()))?;
    Ok(PublicIdentity::parse(&text)?)
}

pub fn identity(store: &Store, cmd: IdentityCmd) -> Result<()> {
    match cmd {
        IdentityCmd::Init { name, role } => {
            let role = Role::parse(&role).ok_or_else(|| anyhow!("papel desconocido «{role}»; use officer o central"))?;
            let public = sync::identity::init(store, &name, role)?;
            println!("Identidad creada.\n{public}");
        }
        IdentityCmd::Show { out } => {
            let public = Identity::require(store)?.public.to_string();
            match out {
                Some(path) => {
                    std::fs::write(&path, &public).with_context(|| format!("no se pudo escribir {}", path.display()))?;
                    println!("Identidad pública escrita en {}", path.display());
                }
                None => print!("{public}"),
            }
        }
        IdentityCmd::ExportAgeKey { out } => {
            let secret = Identity::require(store)?.age_secret_text();
            write_private(&out, secret.as_bytes())?;
            println!("Clave secreta age escrita en {} (guárdela en privado)", out.display());
        }
    }
    Ok(())
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("no se pudo escribir {}", path.display()))?;
    Ok(file.write_all(bytes)?)
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(std::fs::write(path, bytes)?)
}

pub fn roster_cmd(store: &Store, cmd: RosterCmd) -> Result<()> {
    match cmd {
        RosterCmd::Add { file } => {
            let peer = public_identity(&file)?;
            let added = roster::add(store, &peer)?;
            println!("{} «{}» ({})", if added { "Aceptada:" } else { "Ya estaba en la lista:" }, peer.name, peer.role.as_str());
        }
        RosterCmd::List => {
            for p in roster::list(store)? {
                println!("{}  {:<8} {}", p.id, p.role.as_str(), p.name);
            }
        }
    }
    Ok(())
}

pub fn bundle(store: &mut Store, cmd: BundleCmd) -> Result<()> {
    match cmd {
        BundleCmd::Export { to, out, all } => {
            let recipient = public_identity(&to)?;
            let out = match out {
                Some(out) => out,
                None => PathBuf::from(sync::export::next_file_name(store, &recipient)?),
            };
            let exported = sync::export_file(store, &recipient, all, &out, &mut |_, _| true)?;
            println!("Paquete {} escrito en {} ({} KB)", exported.manifest.number, out.display(), exported.bytes.len().div_ceil(1024));
            for f in &exported.files_not_sent {
                match f.size {
                    Some(size) => println!(
                        "Aviso: el adjunto «{}» ({}) pasa el límite de {} y no va en el paquete",
                        f.file_name,
                        size_text(size),
                        size_text(f.limit)
                    ),
                    None => println!("Aviso: el archivo del adjunto «{}» no está en esta computadora y no va en el paquete", f.file_name),
                }
            }
        }
        BundleCmd::Import { file, confirm, accept_clock_skew } => {
            let options = ImportOptions { confirm, accept_clock_skew, now_millis: None };
            let report = sync::import(store, &read(&file)?, &options)?;
            println!(
                "Paquete {} de «{}»: aplicados {}, omitidos {}, en conflicto {}",
                report.number, report.sender, report.applied, report.skipped, report.conflicted
            );
            for w in &report.warnings {
                println!("Aviso: {}", w.es);
            }
        }
        BundleCmd::Inspect { file } => print!("{}", sync::inspect(store, &read(&file)?)?.describe_es()),
    }
    Ok(())
}

pub fn conflicts_cmd(store: &mut Store, cmd: Option<ConflictsCmd>, actor: &Actor) -> Result<()> {
    match cmd.unwrap_or(ConflictsCmd::List) {
        ConflictsCmd::List => {
            let entries = conflicts::list(store)?;
            for e in &entries {
                println!("{}\n", e.describe_es(|head| head.stamp.origin.to_string()));
            }
            println!("{} conflictos", entries.len());
        }
        ConflictsCmd::Resolve { activity, field, keep, value, keep_deleted, restore } => {
            let choice = match (keep, value, keep_deleted, restore) {
                (Some(n), None, false, false) => Choice::Keep(n),
                (None, Some(v), false, false) => {
                    Choice::Value(serde_json::from_str(&v).map_err(|e| anyhow!("--value no es JSON válido: {e}"))?)
                }
                (None, None, true, false) => Choice::KeepDeleted,
                (None, None, false, true) => Choice::Restore,
                _ => bail!("indique exactamente una de --keep N, --value JSON, --keep-deleted o --restore"),
            };
            conflicts::resolve(store, &activity, &field, choice, actor)?;
            println!("Conflicto resuelto: {activity}, campo {field}");
        }
    }
    Ok(())
}
