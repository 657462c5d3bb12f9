//! The office passphrase on the command line: read from `ENLACE_PASSPHRASE` or asked on the
//! terminal, never taken as an argument (it would stay in the shell's history and in `ps`).
//! `passphrase set|change|remove` encrypts, re-keys or decrypts a copy (database and snapshots).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::Subcommand;
use enlace::store::backup;
use enlace::store::key::is_plain;
use enlace::store::rekey::change_passphrase;
use enlace::store::seal::is_sealed;
use enlace::store::Passphrase;

#[derive(Subcommand)]
pub enum PassphraseCmd {
    /// Encrypt a plain database (and its snapshots) with a new passphrase.
    Set,
    /// Change the passphrase (the current one from ENLACE_PASSPHRASE or a prompt).
    Change,
    /// Decrypt the database and its snapshots (asks for confirmation).
    Remove {
        /// Confirm without asking (scripts).
        #[arg(long)]
        yes: bool,
    },
}

/// A passphrase from `var`, else asked on the terminal with `prompt`; `None` when neither.
fn read(var: &str, prompt: &str) -> Result<Option<Passphrase>> {
    if let Some(value) = std::env::var_os(var) {
        return Ok(Passphrase::new(value.into_string().map_err(|_| anyhow::anyhow!("{var} no es texto UTF-8 / {var} is not UTF-8 text"))?));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    Ok(Passphrase::new(rpassword::prompt_password(prompt)?))
}

/// The passphrase of the database at `db` for this run: `ENLACE_PASSPHRASE`, or asked when the
/// database is encrypted and there is a terminal. A plain or new database needs none.
pub fn current(db: &Path) -> Result<Option<Passphrase>> {
    asked(is_plain(db) == Some(false))
}

/// The passphrase an archive was sealed with; a plain (zip) archive needs none.
pub fn for_archive(file: &Path) -> Result<Option<Passphrase>> {
    let mut head = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(std::fs::File::open(file)?, 32), &mut head)?;
    asked(is_sealed(&head))
}

/// `ENLACE_PASSPHRASE` when set; else, when `needed`, asked on the terminal.
fn asked(needed: bool) -> Result<Option<Passphrase>> {
    if std::env::var_os("ENLACE_PASSPHRASE").is_none() && !needed {
        return Ok(None);
    }
    read("ENLACE_PASSPHRASE", "Contraseña de la oficina / Office passphrase: ")
}

/// The new passphrase: `ENLACE_NEW_PASSPHRASE`, or typed twice on the terminal.
fn new_passphrase() -> Result<Passphrase> {
    let Some(first) = read("ENLACE_NEW_PASSPHRASE", "Nueva contraseña / New passphrase: ")? else {
        bail!("falta la nueva contraseña: póngala en ENLACE_NEW_PASSPHRASE o escríbala en una terminal\nthe new passphrase is missing: set ENLACE_NEW_PASSPHRASE or type it on a terminal");
    };
    if std::env::var_os("ENLACE_NEW_PASSPHRASE").is_none() {
        let again = Passphrase::new(rpassword::prompt_password("Repítala / Repeat it: ")?);
        if again.as_ref() != Some(&first) {
            bail!("las contraseñas no coinciden; no se cambió nada\nthe passphrases differ; nothing was changed");
        }
    }
    Ok(first)
}

/// `passphrase set|change|remove` on the database at `db` (closed).
pub fn run(db: &Path, dir: Option<&PathBuf>, action: PassphraseCmd) -> Result<()> {
    if !db.is_file() {
        bail!("no existe la base de datos {}\nthere is no database {}", db.display(), db.display());
    }
    let (from, to) = match action {
        PassphraseCmd::Set => {
            if is_plain(db) == Some(false) {
                bail!("la base ya tiene contraseña: use «passphrase change»\nthe database already has a passphrase: use «passphrase change»");
            }
            (None, Some(new_passphrase()?))
        }
        PassphraseCmd::Change => (Some(required(db)?), Some(new_passphrase()?)),
        PassphraseCmd::Remove { yes } => {
            let from = required(db)?;
            if !yes && !confirmed()? {
                bail!("no se quitó la contraseña (confirme con --yes o respondiendo «si»)\nthe passphrase was not removed (confirm with --yes or by answering «si»)");
            }
            (Some(from), None)
        }
    };
    let dir = dir.cloned().unwrap_or_else(|| backup::default_snapshots_dir(db));
    let done = change_passphrase(db, from.as_ref(), to.as_ref(), &dir)?;
    let what = match (&from, &to) {
        (None, _) => ("cifrada con la nueva contraseña", "encrypted with the new passphrase"),
        (_, Some(_)) => ("con la nueva contraseña", "under the new passphrase"),
        (_, None) => ("sin contraseña (sin cifrar)", "without a passphrase (not encrypted)"),
    };
    println!("Base de datos {}: {} actividades; {} respaldos reescritos.", what.0, done.activities, done.snapshots);
    println!("Database {}: {} activities; {} snapshots rewritten.", what.1, done.activities, done.snapshots);
    println!("Copia de seguridad previa / safety copy: {}", done.safety_copy.path.display());
    if !done.skipped.is_empty() {
        println!("Respaldos con otra contraseña, sin tocar / snapshots under another passphrase, left alone: {}", done.skipped.join(", "));
    }
    Ok(())
}

fn required(db: &Path) -> Result<Passphrase> {
    current(db)?.ok_or_else(|| anyhow::anyhow!("hace falta la contraseña actual (ENLACE_PASSPHRASE o una terminal)\nthe current passphrase is needed (ENLACE_PASSPHRASE or a terminal)"))
}

/// Asks on the terminal whether to store the database in clear.
fn confirmed() -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    eprint!("La base y sus respaldos quedarán sin cifrar. ¿Continuar? / The database and its snapshots will be stored in clear. Continue? [si/no]: ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "si" | "sí" | "s" | "yes" | "y"))
}
