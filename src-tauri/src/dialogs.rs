//! Native file dialogs, opened without blocking the window's thread. End-to-end tests cannot
//! drive GTK's dialog, so in builds with the `e2e` feature `ENLACE_TEST_OPEN_PATH` /
//! `ENLACE_TEST_SAVE_PATH` name the file a person would have chosen (several open paths
//! separated by the platform's path separator). Any other build ignores them.

use std::path::PathBuf;
use std::sync::mpsc;

use rfd::AsyncFileDialog;
use tauri::{AppHandle, Runtime};

use crate::error::{CommandError, ErrorCode};

pub struct Filter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

#[cfg(feature = "e2e")]
fn injected(var: &str) -> Option<Vec<PathBuf>> {
    std::env::var_os(var).map(|v| std::env::split_paths(&v).collect())
}

#[cfg(not(feature = "e2e"))]
fn injected(_var: &str) -> Option<Vec<PathBuf>> {
    None
}

/// Runs a dialog: GTK wants it built on the main thread; its answer is awaited elsewhere.
async fn run<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    open: impl FnOnce() -> std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>> + Send + 'static,
) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    app.run_on_main_thread(move || {
        let answer = open();
        std::thread::spawn(move || {
            let _ = tx.send(tauri::async_runtime::block_on(answer));
        });
    })
    .ok()?;
    tauri::async_runtime::spawn_blocking(move || rx.recv().ok()).await.ok().flatten()
}

fn builder(title: &str, filters: &[Filter]) -> AsyncFileDialog {
    filters.iter().fold(AsyncFileDialog::new().set_title(title), |d, f| d.add_filter(f.name, f.extensions))
}

/// Files the person picks to open; empty if they cancel.
pub async fn pick_files<R: Runtime>(app: &AppHandle<R>, title: &str, filters: &[Filter]) -> Vec<PathBuf> {
    if let Some(paths) = injected("ENLACE_TEST_OPEN_PATH") {
        return paths;
    }
    let dialog = builder(title, filters);
    run(app, move || Box::pin(dialog.pick_files()))
        .await
        .flatten()
        .map(|handles| handles.into_iter().map(|h| h.path().to_path_buf()).collect())
        .unwrap_or_default()
}

/// Where the person wants a file saved; `None` if they cancel.
pub async fn pick_save_path<R: Runtime>(app: &AppHandle<R>, title: &str, file_name: &str, filters: &[Filter]) -> Option<PathBuf> {
    if let Some(paths) = injected("ENLACE_TEST_SAVE_PATH") {
        return paths.into_iter().next();
    }
    let dialog = builder(title, filters).set_file_name(file_name);
    run(app, move || Box::pin(dialog.save_file())).await.flatten().map(|h| h.path().to_path_buf())
}

/// The files dropped on the window when there are some, else those the person picks in the
/// dialog: one way in for a file, however it arrives. A dropped file whose type the dialog
/// would not offer is refused by name, and nothing is read.
pub async fn dropped_or_picked<R: Runtime>(app: &AppHandle<R>, dropped: Option<Vec<PathBuf>>, title: &str, filters: &[Filter]) -> Result<Vec<PathBuf>, CommandError> {
    let Some(dropped) = dropped else {
        return Ok(pick_files(app, title, filters).await);
    };
    let offered = |path: &PathBuf| {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase);
        filters.iter().any(|f| ext.as_deref().is_some_and(|e| f.extensions.contains(&e)))
    };
    match dropped.iter().find(|p| !offered(p)) {
        Some(wrong) => {
            let name = wrong.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let kinds = filters.iter().flat_map(|f| f.extensions.iter().map(|e| format!(".{e}"))).collect::<Vec<_>>().join(", ");
            Err(CommandError::new(
                ErrorCode::Invalid,
                format!("«{name}» no se puede soltar aquí: se aceptan archivos {kinds}."),
                format!("«{name}» cannot be dropped here: the accepted files are {kinds}."),
            ))
        }
        None => Ok(dropped),
    }
}

#[cfg(all(test, not(feature = "e2e")))]
mod tests {
    #[test]
    fn a_build_without_test_doors_ignores_the_injected_answers() {
        for var in ["ENLACE_TEST_OPEN_PATH", "ENLACE_TEST_SAVE_PATH"] {
            std::env::set_var(var, "/tmp/elegido.csv");
            assert_eq!(super::injected(var), None, "{var}");
        }
    }
}
