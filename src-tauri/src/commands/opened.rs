//! Files the desktop hands to Enlace: named on the command line at start, or by a second launch
//! while the app runs (the single-instance plugin forwards its arguments here). Where each goes
//! is decided by `enlace::opening`; the file waits here until the window, once unlocked and
//! past its first start, takes it and shows the screen that reads it.

use std::ffi::OsString;
use std::path::Path;
use std::sync::Mutex;

use enlace::opening::{self, OpenedFile};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::error::{CommandError, CommandResult};

/// Told to the window when a file arrives while it runs; it then calls `take_opened_file`.
pub const FILE_OPENED: &str = "enlace://file-opened";

/// The last file handed to the app and not yet taken by the window.
#[derive(Default)]
pub struct OpenedFiles(Mutex<Option<CommandResult<OpenedFile>>>);

impl OpenedFiles {
    /// Keeps the file named on a command line (program name first) run from `cwd`, replacing
    /// one not yet taken; says whether there was one.
    fn put(&self, args: impl IntoIterator<Item = OsString>, cwd: &Path) -> bool {
        let Some(opened) = opening::from_args(args, cwd) else { return false };
        // One line on stderr for whoever reads the log (the packaging check looks for it).
        match &opened {
            Ok(file) => eprintln!("Enlace: archivo recibido para abrir: {} ({:?})", file.path, file.destination),
            Err(err) => eprintln!("Enlace: archivo recibido que no se puede abrir: {err}"),
        }
        *self.0.lock().expect("opened files lock") = Some(opened.map_err(CommandError::from));
        true
    }

    fn take(&self) -> CommandResult<Option<OpenedFile>> {
        self.0.lock().expect("opened files lock").take().transpose()
    }
}

/// Receives a command line: a file named there waits for the window, and the window is told.
pub fn receive<R: Runtime>(app: &AppHandle<R>, args: impl IntoIterator<Item = OsString>, cwd: &Path) {
    // A window that has not loaded yet takes the file when it starts; the event is for one that runs.
    if app.state::<OpenedFiles>().put(args, cwd) {
        let _ = app.emit(FILE_OPENED, ());
    }
}

/// Brings the running window to the front (a second launch was pointed at this one).
pub fn focus<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The file handed to the app, once: where it goes, or why it cannot be opened.
#[tauri::command]
pub fn take_opened_file(opened: State<'_, OpenedFiles>) -> CommandResult<Option<OpenedFile>> {
    opened.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_on_the_command_line_waits_for_the_window_and_is_taken_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("oficina.enlace"), b"x").unwrap();
        std::fs::write(dir.path().join("carta.pdf"), b"x").unwrap();
        let opened = OpenedFiles::default();

        assert!(!opened.put(["enlace-app".into()], dir.path()), "no file named");
        assert_eq!(opened.take().unwrap(), None);

        assert!(opened.put(["enlace-app".into(), "oficina.enlace".into()], dir.path()));
        let file = opened.take().unwrap().expect("the bundle waits");
        assert_eq!(file.destination, opening::Destination::Bundle);
        assert_eq!(opened.take().unwrap(), None, "taken once");

        assert!(opened.put(["enlace-app".into(), "carta.pdf".into()], dir.path()));
        let refused = opened.take().unwrap_err();
        assert!(refused.message.es.contains("carta.pdf") && refused.message.en.contains("carta.pdf"));
    }
}
