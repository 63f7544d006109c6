//! Driving the window headless (egui_kittest), as both window test files do.

use copydesk::app::{EditorApp, Lang, Settings, Theme};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Settings for a test: the language given, a light theme, nothing recent.
pub fn settings(lang: Lang) -> Settings {
    Settings { lang: lang.into(), theme: Theme::Light, recent: Vec::new(), text_size: 100, model: None }
}

/// The edition being edited (the test fails if a document is shown read-only).
pub fn editor<'h>(harness: &'h Harness<'_, EditorApp>) -> &'h copydesk::session::Editor {
    harness.state().editor().expect("an editable workspace")
}

/// True when the window has unsaved work, typing included.
pub fn is_modified(harness: &Harness<'_, EditorApp>) -> bool {
    harness.state().workspace().is_modified()
}

/// A window of 1280×800 around `app`, with the window's own fonts; where
/// the machine has no Chinese font the tests still check the model,
/// drawing boxes instead of failing.
pub fn window(app: EditorApp) -> Harness<'static, EditorApp> {
    Harness::builder()
        .with_size((1280.0, 800.0))
        .with_context_setup(copydesk::app::fonts::install)
        .allow_missing_glyphs()
        .with_max_steps(64) // scrolling to a selection animates
        .build_ui_state(|ui, app: &mut EditorApp| app.show(ui), app)
}

/// Presses `key` with `modifiers` and lets the window settle.
pub fn press(harness: &mut Harness<'_, EditorApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Clicks the widget whose label contains `label` and lets the window
/// settle; a source line out of view is scrolled to first, with the
/// mouse wheel over the source, as an editor would.
pub fn click(harness: &mut Harness<'_, EditorApp>, label: &str) {
    scroll_to(harness, label);
    harness.get_by_label_contains(label).click();
    harness.run();
}

/// Clicks at `pos` with the primary button and lets the window settle.
pub fn click_at(harness: &mut Harness<'_, EditorApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// Scrolls the source with the mouse wheel until a widget whose label
/// contains `label` is drawn (down first, then up).
pub fn scroll_to(harness: &mut Harness<'_, EditorApp>, label: &str) {
    for delta in [-120.0, 120.0] {
        for _ in 0..200 {
            if harness.query_by_label_contains(label).is_some() {
                return;
            }
            harness.hover_at(egui::pos2(320.0, 400.0));
            harness.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, delta),
                modifiers: Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
            harness.run();
        }
    }
}

/// Asks the window to close, as its close button does.
pub fn request_close(harness: &mut Harness<'_, EditorApp>) {
    harness.event(egui::Event::WindowFocused(true));
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

/// Selects the sample's second article and types `text` into its headline
/// without committing it: the editor is mid-typing.
pub fn type_into_second_headline(harness: &mut Harness<'_, EditorApp>, text: &str) {
    use egui::accesskit::Role;
    click(harness, "章旭升在调研南苑区块城中村改造工作时指出");
    harness.get_by_role_and_label(Role::TextInput, "Headline").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Headline").type_text(text);
    harness.run();
}
