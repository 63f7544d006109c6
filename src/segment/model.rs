//! The line model: a linear-chain conditional random field over the
//! [`Tag`]s of a page's non-blank lines.
//!
//! Each line's score for a tag is the sum of the weights of its features
//! (its own and its neighbours', see [`super::features`]); a transition
//! weight for each pair of tags says what may follow what. The best tag
//! sequence is found by Viterbi; forward-backward gives each line's
//! marginal probabilities, from which every proposed boundary gets its
//! confidence.
//!
//! Weights are learned by [`super::learn`] and stored in a small binary
//! file (`assets/model/split.model`). The built-in model is not read at
//! all: its weights are used where the file lies in the program's memory,
//! so starting costs no copy, and only the script a page is written in
//! has its rows folded (see [`Model::folded`]). (Copying all weights and
//! folding both scripts' cost a one-page `copydesk split` about 0.6 ms,
//! most of it the kernel handing out 1.1 MB of fresh memory.)
//!
//! | bytes | what |
//! |---|---|
//! | 8 | `CDSKSPLT` |
//! | 4 | format version (1), little-endian |
//! | 8 | feature schema hash ([`super::features::schema_hash`]) |
//! | 4, 4 | tag count, feature count |
//! | 4 + n | length and UTF-8 text of a JSON note: what it was trained on, padded with spaces so that the weights start at a multiple of 4 bytes |
//! | 4 × features × tags | emission weights, feature by feature |
//! | 4 × (tags + 1) × tags | transition weights, the last row from the page's top |
//! | 4 × junctions × tags × tags | junction weights: for each junction indicator ([`super::features::junctions`]), what it adds to each transition into a line that has it |

#![allow(clippy::needless_range_loop)] // tag-indexed arrays read clearest by index
use std::borrow::Cow;
use std::sync::{Arc, LazyLock, OnceLock};

use super::features::{
    BASE_COUNT, FEATURE_COUNT, JUNCTION_COUNT, JunctionTable, OFFSETS_READ, PageFeatures, edge_index,
    feature_index, junction_sets, schema_hash, word_index,
};
use super::lattice::{self, Exponentials};
use super::tags::Tag;

const T: usize = Tag::COUNT;
const MAGIC: &[u8; 8] = b"CDSKSPLT";
/// Version 2 added the junction weights.
const VERSION: u32 = 2;
/// The bytes before the note: magic, version, schema, tag and feature
/// counts, note length.
const HEADER_LEN: usize = 8 + 4 + 8 + 4 + 4 + 4;

/// Transition weight of a pair that can never occur.
const IMPOSSIBLE: f32 = -1.0e9;

/// Why a model file cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// Not a model file, or a damaged one.
    #[error("not a Copydesk split model: {0}")]
    Format(String),
    /// Made for another version of the features.
    #[error(
        "the model was trained for another version of Copydesk's features (schema {found:016x}, this version uses {expected:016x}); train it again with `copydesk train`"
    )]
    Schema {
        /// The file's schema hash.
        found: u64,
        /// This build's.
        expected: u64,
    },
}

/// Learned weights of the line model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Emission weights, `FEATURE_COUNT × T`: borrowed from the program
    /// for the built-in model, owned for any other.
    pub(super) weights: Cow<'static, [f32]>,
    /// Transition weights, `(T + 1) × T`; row `T` is from the page's top.
    pub(super) transitions: Vec<f32>,
    /// Junction weights, `JUNCTION_COUNT × T × T`: what each junction
    /// indicator of a line adds to each transition into it. Borrowed like
    /// the emission weights.
    pub(super) junctions: Cow<'static, [f32]>,
    /// What the model was trained on (JSON text).
    pub note: String,
    /// Per script (`[domain - 1]`), the base features' rows folded
    /// together: see [`Self::folded`].
    folded: [OnceLock<Box<[Padded]>>; 2],
}

/// Two models are the same when their weights and notes are: the folded
/// rows are made from the weights, on demand.
impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.weights == other.weights
            && self.transitions == other.transitions
            && self.junctions == other.junctions
            && self.note == other.note
    }
}

/// One tag-indexed row of weights.
type Row = [f32; T];

/// A row padded from `T` to the vector width, so that adding one (what
/// scoring a line does most) is a few vector instructions.
type Padded = [f32; LANES];
const LANES: usize = 16;
const _: () = assert!(T <= LANES);

/// Bytes aligned for reading as `f32`s where they lie.
#[repr(C, align(4))]
struct Aligned<B: ?Sized>(B);

/// The built-in model file, aligned so that its weights (which start at a
/// multiple of 4 bytes, see the table above) can be used in place.
static BUILTIN_BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../../assets/model/split.model"));

static BUILTIN: LazyLock<Model> = LazyLock::new(|| {
    let (model, warning) = builtin_from(&BUILTIN_BYTES.0);
    if let Some(warning) = warning {
        eprintln!("{warning}");
    }
    model
});

/// The built-in model read from `bytes`, or, when they do not make a
/// model for this build, an untrained one and a warning saying so.
///
/// A build whose features changed after the model was trained cannot read
/// it; such a build must still run, since it is the one that trains the
/// new model (`copydesk train`). But its proposals are then worthless
/// (every line its own article), so it says why, once, on standard error,
/// rather than leave an editor or a batch job to find out from the split.
fn builtin_from(bytes: &'static [u8]) -> (Model, Option<String>) {
    match Model::from_static_bytes(bytes) {
        Ok(model) => (model, None),
        Err(error) => (
            Model::untrained(),
            Some(format!(
                "copydesk: warning: the built-in split model (assets/model/split.model) cannot be used: {error}; proposals come from an untrained model"
            )),
        ),
    }
}

impl Model {
    /// The model shipped with Copydesk (`assets/model/split.model`).
    pub fn builtin() -> &'static Model {
        &BUILTIN
    }

    /// A model with every weight zero, but for the impossible transitions.
    pub fn untrained() -> Self {
        Self::from_parts(
            vec![0.0; FEATURE_COUNT * T],
            vec![0.0; (T + 1) * T],
            vec![0.0; JUNCTION_COUNT * T * T],
            String::from("{}"),
        )
    }

    /// A model from its weights (transitions are masked to what may follow
    /// what).
    pub(super) fn from_parts(
        weights: impl Into<Cow<'static, [f32]>>,
        mut transitions: Vec<f32>,
        junctions: impl Into<Cow<'static, [f32]>>,
        note: String,
    ) -> Self {
        mask(&mut transitions);
        let (weights, junctions) = (weights.into(), junctions.into());
        Self { weights, transitions, junctions, note, folded: Default::default() }
    }

    /// The same model with another note.
    pub fn with_note(mut self, note: String) -> Self {
        self.note = note;
        self
    }

    /// Reads a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let parts = Parts::read(bytes)?;
        let (weights, junctions) = (le_f32s(parts.weights), le_f32s(parts.junctions));
        parts.into_model(Cow::Owned(weights), Cow::Owned(junctions))
    }

    /// Reads a model file that lives as long as the program, using its
    /// weights in place where they are aligned for it (the built-in
    /// model's are), copying them where they are not.
    fn from_static_bytes(bytes: &'static [u8]) -> Result<Self, ModelError> {
        let parts = Parts::read(bytes)?;
        let cast = |b| bytemuck::try_cast_slice::<u8, f32>(b).ok().filter(|_| cfg!(target_endian = "little"));
        match (cast(parts.weights), cast(parts.junctions)) {
            (Some(weights), Some(junctions)) => {
                parts.into_model(Cow::Borrowed(weights), Cow::Borrowed(junctions))
            }
            _ => Self::from_bytes(bytes),
        }
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            40 + self.note.len() + 4 * (self.weights.len() + self.transitions.len() + self.junctions.len()),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&schema_hash().to_le_bytes());
        out.extend_from_slice(&(T as u32).to_le_bytes());
        out.extend_from_slice(&(FEATURE_COUNT as u32).to_le_bytes());
        // Spaces after the JSON note, so that the weights start at a
        // multiple of 4 bytes and the built-in model's can be used in place.
        let padding = (4 - (HEADER_LEN + self.note.len()) % 4) % 4;
        out.extend_from_slice(&((self.note.len() + padding) as u32).to_le_bytes());
        out.extend_from_slice(self.note.as_bytes());
        out.extend(std::iter::repeat_n(b' ', padding));
        for w in self
            .weights
            .iter()
            .copied()
            .chain(self.unmasked_transitions())
            .chain(self.junctions.iter().copied())
        {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The transition weights with the impossible ones at zero, as stored.
    pub(super) fn unmasked_transitions(&self) -> Vec<f32> {
        self.transitions.iter().map(|&w| if w <= IMPOSSIBLE { 0.0 } else { w }).collect()
    }

    /// Each line's score for each tag: `lines × T`; lines are scored
    /// independently, so a long page's are scored on two threads.
    pub fn emissions(&self, page: &PageFeatures) -> Vec<[f32; T]> {
        let n = page.base.len();
        let rows: &[Row] = bytemuck::cast_slice(&self.weights);
        let folded = self.folded(page.domain.clamp(1, 2));
        super::threads::on_two_threads(n, |k| {
            let mut sum = [0.0f32; LANES];
            for (slot, &offset) in OFFSETS_READ.iter().enumerate() {
                let Some(j) = k.checked_add_signed(offset).filter(|&j| j < n) else {
                    add(&mut sum, &rows[edge_index(slot)]);
                    continue;
                };
                for &base in &page.base[j] {
                    add(&mut sum, &folded[slot * BASE_COUNT + base as usize]);
                }
            }
            for &bucket in &page.words[k] {
                add(&mut sum, &rows[word_index(bucket)]);
            }
            let mut out = [0.0f32; T];
            out.copy_from_slice(&sum[..T]);
            out
        })
    }

    /// The base features' rows for pages of `domain` (1 or 2): the copy
    /// both scripts share and the script's own added together, padded, so
    /// that [`Self::emissions`] adds one row where it would add two. Made
    /// on first use, once per script: a Chinese page never pays for the
    /// Latin rows. (Edge and word rows have one copy, read in place.)
    fn folded(&self, domain: usize) -> &[Padded] {
        self.folded[domain - 1].get_or_init(|| {
            let rows: &[Row] = bytemuck::cast_slice(&self.weights);
            (0..OFFSETS_READ.len())
                .flat_map(|slot| (0..BASE_COUNT as u16).map(move |base| (slot, base)))
                .map(|(slot, base)| {
                    let mut folded = [0.0f32; LANES];
                    add(&mut folded, &rows[feature_index(slot, 0, base)]);
                    add(&mut folded, &rows[feature_index(slot, domain, base)]);
                    folded
                })
                .collect()
        })
    }

    /// Transition weight from `from` (`None`: the page's top) to `to`.
    pub fn transition(&self, from: Option<usize>, to: usize) -> f32 {
        self.transitions[from.unwrap_or(T) * T + to]
    }

    /// Each line's transition scores on `page`: the transitions plus the
    /// junction weights of the line's junction indicators. Lines with the
    /// same indicators share one matrix, made once.
    pub fn moves(&self, page: &PageFeatures) -> Moves {
        let (sets, which) = junction_sets(page, |_| true);
        Moves::new(junction_matrices(&self.transitions, &self.junctions, &sets), which)
    }

    /// The moves of each of several pages, as [`Self::moves`] gives them,
    /// their lines numbered into one set of matrices: the pages of an
    /// edition meet their lines in much the same few ways, and each matrix
    /// (and its `exp`, for the confidences) is then made once.
    pub fn moves_of_pages(&self, pages: &[&PageFeatures]) -> Vec<Moves> {
        let mut table = JunctionTable::new();
        let which: Vec<Vec<u32>> = pages.iter().map(|page| table.number(page, |_| true)).collect();
        let matrices: Arc<[f32]> =
            junction_matrices(&self.transitions, &self.junctions, &table.into_sets()).into();
        let exponentials = Arc::new(OnceLock::new());
        which
            .into_iter()
            .map(|which| Moves {
                matrices: Arc::clone(&matrices),
                which,
                exponentials: Arc::clone(&exponentials),
            })
            .collect()
    }

    /// The moves of `n` lines without junction weights (each line's
    /// transitions the model's own).
    pub fn plain_moves(&self, n: usize) -> Moves {
        Moves::new(self.transitions.clone(), vec![0; n])
    }

    /// The best tag sequence for `emissions`, with `moves` between lines.
    pub fn viterbi(&self, emissions: &[[f32; T]], moves: &Moves) -> Vec<Tag> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        let mut score = [0.0f32; T];
        for t in 0..T {
            score[t] = emissions[0][t] + self.transition(None, t);
        }
        let mut back = vec![[0u8; T]; n];
        for k in 1..n {
            // The best way into each tag, for all tags at once: the tags
            // before are tried in order and only a strictly better score
            // replaces the best, so ties go to the first as before.
            let mut best = [f32::NEG_INFINITY; T];
            let mut from = [0u8; T];
            for (s, row) in moves.matrix(k).chunks_exact(T).take(T).enumerate() {
                for t in 0..T {
                    let v = score[s] + row[t];
                    if v > best[t] {
                        best[t] = v;
                        from[t] = s as u8;
                    }
                }
            }
            for t in 0..T {
                score[t] = best[t] + emissions[k][t];
            }
            back[k] = from;
        }
        let mut tag = (0..T).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap_or(0);
        let mut tags = vec![Tag::Body; n];
        for k in (0..n).rev() {
            tags[k] = Tag::from_index(tag);
            tag = back[k][tag] as usize;
        }
        tags
    }

    /// Each line's marginal probability of each tag (forward-backward).
    pub fn marginals(&self, emissions: &[[f32; T]], moves: &Moves) -> Vec<[f32; T]> {
        lattice::marginals(moves.exponentials(), &moves.which, emissions)
    }
}

/// One matrix of moves for each set of junction indicators: the
/// transitions plus each indicator's junction weights (`f32` when
/// proposing, `f64` when training).
pub(super) fn junction_matrices<W: Copy + std::ops::AddAssign>(
    transitions: &[W],
    junctions: &[W],
    sets: &[Vec<u16>],
) -> Vec<W> {
    let mut matrices = Vec::with_capacity(sets.len() * transitions.len());
    for set in sets {
        let from = matrices.len();
        matrices.extend_from_slice(transitions);
        let matrix = &mut matrices[from..][..T * T];
        for &j in set {
            let weights = &junctions[j as usize * T * T..][..T * T];
            matrix.iter_mut().zip(weights).for_each(|(m, &w)| *m += w);
        }
    }
    matrices
}

/// The transition scores into each line of a page (see [`Model::moves`]).
#[derive(Debug, Clone)]
pub struct Moves {
    /// Matrices of `(T + 1) × T` transition scores, one after another;
    /// the first is the model's transitions. Shared by the pages of an
    /// edition ([`Model::moves_of_pages`]).
    pub(super) matrices: Arc<[f32]>,
    /// For each line, the matrix of the moves into it.
    pub(super) which: Vec<u32>,
    /// `exp` of the matrices, made when the confidences first need them,
    /// and shared with the pages that share the matrices.
    exponentials: Arc<OnceLock<Exponentials>>,
}

impl Moves {
    fn new(matrices: Vec<f32>, which: Vec<u32>) -> Self {
        Self { matrices: matrices.into(), which, exponentials: Arc::new(OnceLock::new()) }
    }

    /// The transition scores into line `k`.
    pub(super) fn matrix(&self, k: usize) -> &[f32] {
        matrix_into(&self.matrices, &self.which, k)
    }

    /// `exp` of the matrices.
    fn exponentials(&self) -> &Exponentials {
        self.exponentials.get_or_init(|| Exponentials::of(&self.matrices))
    }
}

/// The `(T + 1) × T` matrix of moves into line `k`: matrix `which[k]` of
/// `matrices` (laid out as [`Moves`] lays them; the first, the plain
/// transitions, for a line `which` does not reach). `f32` when proposing,
/// `f64` in the lattice and in training.
pub(super) fn matrix_into<'m, W>(matrices: &'m [W], which: &[u32], k: usize) -> &'m [W] {
    let at = which.get(k).copied().unwrap_or(0) as usize * (T + 1) * T;
    &matrices[at..][..(T + 1) * T]
}

/// Sets the transitions that can never occur to a weight no score
/// overcomes: in the model's `f32` weights, or in the `f64` ones training
/// learns.
pub(super) fn mask<W: From<f32>>(transitions: &mut [W]) {
    for from in 0..=T {
        let previous = (from < T).then(|| Tag::from_index(from));
        for to in 0..T {
            if !Tag::from_index(to).may_follow(previous) {
                transitions[from * T + to] = W::from(IMPOSSIBLE);
            }
        }
    }
}

/// Adds a row of weights (padded or not) into a padded sum; `N` known
/// when compiling keeps the loop a few vector instructions.
fn add<const N: usize>(sum: &mut Padded, weights: &[f32; N]) {
    for (r, w) in sum.iter_mut().zip(weights) {
        *r += w;
    }
}

/// A model file's parts, checked, its weights not yet read.
struct Parts<'b> {
    note: String,
    weights: &'b [u8],
    transitions: Vec<f32>,
    junctions: &'b [u8],
}

impl<'b> Parts<'b> {
    fn read(bytes: &'b [u8]) -> Result<Self, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(8)? != MAGIC {
            return Err(ModelError::Format("it does not start with CDSKSPLT".into()));
        }
        let version = reader.u32()?;
        if version != VERSION {
            return Err(ModelError::Format(format!(
                "format version {version}, this Copydesk reads {VERSION}"
            )));
        }
        let found = reader.u64()?;
        let expected = schema_hash();
        if found != expected {
            return Err(ModelError::Schema { found, expected });
        }
        let (tags, features) = (reader.u32()? as usize, reader.u32()? as usize);
        if tags != T || features != FEATURE_COUNT {
            return Err(ModelError::Format(format!(
                "{tags} tags and {features} features, expected {T} and {FEATURE_COUNT}"
            )));
        }
        let note_len = reader.u32()? as usize;
        let note = std::str::from_utf8(reader.take(note_len)?)
            .map_err(|_| ModelError::Format("its note is not UTF-8".into()))?
            .trim_end_matches(' ')
            .to_owned();
        let weights = reader.take(FEATURE_COUNT * T * 4)?;
        let transitions = reader.f32s((T + 1) * T)?;
        let junctions = reader.take(JUNCTION_COUNT * T * T * 4)?;
        if reader.at != bytes.len() {
            return Err(ModelError::Format(format!(
                "{} bytes left over at the end",
                bytes.len() - reader.at
            )));
        }
        Ok(Parts { note, weights, transitions, junctions })
    }

    /// The model, once its weights (read from `self.weights`) are checked.
    fn into_model(
        self,
        weights: Cow<'static, [f32]>,
        junctions: Cow<'static, [f32]>,
    ) -> Result<Model, ModelError> {
        if ![&weights[..], &self.transitions, &junctions[..]].into_iter().all(all_finite) {
            return Err(ModelError::Format("a weight is not a finite number".into()));
        }
        Ok(Model::from_parts(weights, self.transitions, junctions, self.note))
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end =
            end.ok_or_else(|| ModelError::Format(format!("it ends early, at byte {}", self.bytes.len())))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, ModelError> {
        let bytes =
            self.take(n.checked_mul(4).ok_or_else(|| ModelError::Format("too many weights".into()))?)?;
        Ok(le_f32s(bytes))
    }
}

/// True when every weight is a finite number. Read without stopping at the
/// first bad one, so that the compiler checks several at a time: the
/// built-in model's 130 thousand weights are checked on every start, and
/// stopping early made that a tenth of splitting a one-page edition.
fn all_finite(weights: &[f32]) -> bool {
    weights.iter().fold(true, |finite, w| finite & w.is_finite())
}

/// Little-endian `f32`s, read into memory.
fn le_f32s(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in model falls back to an untrained one when its file does
    /// not load, so that a damaged build still opens pages; a change to the
    /// features without training the model again must fail here, by name,
    /// rather than ship a split that proposes nothing.
    #[test]
    fn the_shipped_model_fits_the_features() {
        let loaded = Model::from_bytes(include_bytes!("../../assets/model/split.model"));
        assert!(
            loaded.is_ok(),
            "assets/model/split.model does not load ({:?}): train it again (docs/split.md)",
            loaded.err()
        );
    }

    /// The built-in model's weights are used where they lie: reading them
    /// into fresh memory cost every process 0.6 ms.
    #[test]
    fn the_builtin_model_is_read_in_place() {
        assert!(matches!(Model::builtin().weights, Cow::Borrowed(_)));
        assert!(matches!(Model::builtin().junctions, Cow::Borrowed(_)));
    }

    #[test]
    fn a_model_reads_back_exactly() {
        let mut weights = vec![0.0; FEATURE_COUNT * T];
        weights[7] = 1.5;
        let mut junctions = vec![0.0; JUNCTION_COUNT * T * T];
        junctions[3] = -0.75;
        let model = Model::from_parts(weights, vec![0.25; (T + 1) * T], junctions, "{\"pages\":1}".into());
        let bytes = model.to_bytes();
        assert_eq!((HEADER_LEN + model.note.len() + 1) % 4, 0, "the note is padded with one space");
        let again = Model::from_bytes(&bytes).unwrap();
        assert_eq!(again, model);
    }

    #[test]
    fn damaged_model_files_are_refused() {
        let bytes = Model::untrained().to_bytes();
        assert!(matches!(Model::from_bytes(b"nonsense"), Err(ModelError::Format(_))));
        assert!(matches!(Model::from_bytes(&bytes[..bytes.len() - 1]), Err(ModelError::Format(_))));
        let mut other = bytes.clone();
        other[12] ^= 1;
        assert!(matches!(Model::from_bytes(&other), Err(ModelError::Schema { .. })));
    }

    #[test]
    fn a_built_in_model_that_does_not_fit_says_so() {
        let (model, warning) = builtin_from(&BUILTIN_BYTES.0);
        assert!(warning.is_none(), "the shipped model fits: {warning:?}");
        assert!(model == *Model::builtin());
        let mut stale = Model::untrained().to_bytes();
        stale[12] ^= 1;
        let (model, warning) = builtin_from(Box::leak(stale.into_boxed_slice()));
        assert!(model == Model::untrained());
        let warning = warning.expect("a stale model is reported");
        assert!(warning.contains("assets/model/split.model"), "{warning}");
        assert!(warning.contains("train it again"), "{warning}");
        let (_, warning) = builtin_from(b"nonsense");
        assert!(warning.expect("a damaged model is reported").contains("not a Copydesk split model"));
    }

    #[test]
    fn viterbi_respects_what_may_follow_what() {
        let model = Model::untrained();
        let mut emissions = vec![[0.0f32; T]; 2];
        emissions[0][Tag::Body.index()] = 5.0;
        emissions[1][Tag::Headline.index()] = 5.0; // a title line going on, after text: impossible
        emissions[1][Tag::HeadlineStart.index()] = 1.0;
        assert_eq!(model.viterbi(&emissions, &model.plain_moves(2)), [Tag::Body, Tag::HeadlineStart]);
    }

    #[test]
    fn marginals_sum_to_one_and_follow_the_scores() {
        let model = Model::untrained();
        let mut emissions = vec![[0.0f32; T]; 3];
        emissions[1][Tag::Noise.index()] = 4.0;
        let marginals = model.marginals(&emissions, &model.plain_moves(3));
        for row in &marginals {
            assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        }
        assert!(marginals[1][Tag::Noise.index()] > 0.8);
    }
}
