//! The main window's size and place: it fits the screen it opens on, and opens again where the
//! person left it. Kept in the data folder (`window.json`), beside the record it shows.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::{LogicalPosition, LogicalSize, Runtime, WebviewWindow, WindowEvent};

/// A window's place and size in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geometry {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The size the window opens at when nothing was kept (as in tauri.conf.json).
const DEFAULT_SIZE: (f64, f64) = (1280.0, 800.0);

/// Where the window opens on a screen whose usable area is `screen`: the kept size shrunk to
/// fit it, at the kept place if the window lies wholly on that screen, centred otherwise.
pub fn fit(kept: Option<Geometry>, screen: Geometry) -> Geometry {
    let (width, height) = kept.map_or(DEFAULT_SIZE, |k| (k.width, k.height));
    let (width, height) = (width.min(screen.width), height.min(screen.height));
    let inside = |k: &Geometry| {
        k.x >= screen.x && k.y >= screen.y && k.x + width <= screen.x + screen.width && k.y + height <= screen.y + screen.height
    };
    match kept.filter(inside) {
        Some(k) => Geometry { x: k.x, y: k.y, width, height },
        None => Geometry { x: screen.x + (screen.width - width) / 2.0, y: screen.y + (screen.height - height) / 2.0, width, height },
    }
}

fn kept_at(data_dir: &Path) -> PathBuf {
    data_dir.join(enlace::store::paths::WINDOW)
}

/// Sizes and places the window for its screen, and keeps its geometry when it closes. A kept
/// file that does not read is ignored: the window then opens at its default size.
pub fn remember<R: Runtime>(window: &WebviewWindow<R>, data_dir: &Path) -> tauri::Result<()> {
    let file = kept_at(data_dir);
    let kept = std::fs::read(&file).ok().and_then(|bytes| serde_json::from_slice::<Geometry>(&bytes).ok());
    if let Some(monitor) = window.current_monitor()?.or(window.primary_monitor()?) {
        let scale = monitor.scale_factor();
        let area = monitor.work_area();
        let (position, size) = (area.position.to_logical::<f64>(scale), area.size.to_logical::<f64>(scale));
        let screen = Geometry { x: position.x, y: position.y, width: size.width, height: size.height };
        let place = fit(kept, screen);
        window.set_size(LogicalSize::new(place.width, place.height))?;
        window.set_position(LogicalPosition::new(place.x, place.y))?;
    }
    let watched = window.clone();
    window.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { .. } = event {
            if let Some(geometry) = geometry_of(&watched) {
                // Losing the window's place is harmless; the next start opens centred.
                let _ = std::fs::write(&file, serde_json::to_vec(&geometry).unwrap_or_default());
            }
        }
    });
    Ok(())
}

fn geometry_of<R: Runtime>(window: &WebviewWindow<R>) -> Option<Geometry> {
    let scale = window.scale_factor().ok()?;
    let position = window.outer_position().ok()?.to_logical::<f64>(scale);
    let size = window.inner_size().ok()?.to_logical::<f64>(scale);
    Some(Geometry { x: position.x, y: position.y, width: size.width, height: size.height })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Geometry = Geometry { x: 0.0, y: 0.0, width: 1024.0, height: 740.0 };
    const LARGE: Geometry = Geometry { x: 0.0, y: 0.0, width: 1920.0, height: 1050.0 };

    #[test]
    fn the_first_window_fits_a_small_screen() {
        assert_eq!(fit(None, SMALL), Geometry { x: 0.0, y: 0.0, width: 1024.0, height: 740.0 });
        assert_eq!(fit(None, LARGE), Geometry { x: 320.0, y: 125.0, width: 1280.0, height: 800.0 });
    }

    #[test]
    fn a_kept_window_opens_where_it_was_unless_it_left_the_screen() {
        let kept = Geometry { x: 100.0, y: 50.0, width: 1500.0, height: 900.0 };
        assert_eq!(fit(Some(kept), LARGE), kept);
        // Kept on a large screen, opened on a small one: shrunk and centred.
        assert_eq!(fit(Some(kept), SMALL), SMALL);
        // On a second screen no longer there: back on this one.
        let elsewhere = Geometry { x: 2500.0, ..kept };
        assert_eq!(fit(Some(elsewhere), LARGE), Geometry { x: 210.0, y: 75.0, width: 1500.0, height: 900.0 });
    }
}
