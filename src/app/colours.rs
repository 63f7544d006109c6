//! Colours: one band colour per article in the gutter, and the diff's.

use egui::Color32;

/// Distinct, quiet colours for article bands, cycled in reading order.
const BANDS: [Color32; 8] = [
    Color32::from_rgb(66, 133, 244),
    Color32::from_rgb(219, 68, 55),
    Color32::from_rgb(244, 180, 0),
    Color32::from_rgb(15, 157, 88),
    Color32::from_rgb(171, 71, 188),
    Color32::from_rgb(0, 172, 193),
    Color32::from_rgb(255, 112, 67),
    Color32::from_rgb(124, 179, 66),
];

/// The band colour of the article at position `order` in reading order.
pub fn band(order: usize) -> Color32 {
    BANDS[order % BANDS.len()]
}

/// Text inserted by a correction.
pub const INSERTED: Color32 = Color32::from_rgb(30, 140, 60);
/// Source text a correction removed.
pub const DELETED: Color32 = Color32::from_rgb(200, 50, 50);
