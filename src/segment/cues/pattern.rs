//! The cues' regular expressions, compiled for the question the cues ask
//! of them: does this line match (and, for two of them, where is a group)?
//!
//! `regex::Regex` answers every question a regex can be asked, and pays
//! for it when compiling: each expression is compiled twice (forward, and
//! reversed to find where a match starts), each time by a fresh compiler
//! that first fills a 400 KB table of UTF-8 suffixes. For a one-page
//! `copydesk split` that was half the time of the whole process. A cue
//! never asks where a match starts, so each expression here is compiled
//! once, forward only, by one compiler that all share (its table is filled
//! once), into a lazy DFA that answers "is there a match". The same
//! automaton also backs a PikeVM, which finds a group's span on the lines
//! the DFA has already matched, and answers in the DFA's place where the
//! DFA gives up: on non-ASCII text, for an expression with a Unicode word
//! boundary (the cues write theirs as ASCII `(?-u:\b)`, see
//! [`super::regex`], so this is a safety net, not a path they take).

use regex_automata::{
    Input,
    hybrid::dfa::{Cache, DFA},
    nfa::thompson::{self, NFA, WhichCaptures, pikevm::PikeVM},
    util::pool::Pool,
};
use std::ops::Range;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{LazyLock, Mutex, PoisonError};

/// Makes a lazy DFA's cache for the thread that asks for one.
type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// A compiled cue expression. Build it with [`super::regex`], which
/// compiles it once, on first use.
pub struct Pattern {
    dfa: DFA,
    caches: Pool<Cache, CacheFn>,
    vm: PikeVM,
}

impl Pattern {
    /// Compiles a built-in expression (already narrowed by
    /// [`super::compact`]). Panics on an invalid expression: the
    /// expressions are part of the program, so that is a bug in it, met by
    /// the first page whose lines reach the expression (every fixture
    /// page is split by the tests).
    pub fn new(pattern: &str) -> Pattern {
        let nfa = compile(pattern);
        // A Unicode `\b` makes the DFA give up on non-ASCII text, and the
        // PikeVM answers there instead.
        let dfa = DFA::builder()
            .configure(DFA::config().unicode_word_boundary(true))
            .build_from_nfa(nfa.clone())
            .expect("a built-in pattern's NFA fits the lazy DFA's cache");
        let vm = PikeVM::new_from_nfa(nfa).expect("a PikeVM takes any NFA");
        let for_caches = dfa.clone();
        let create: CacheFn = Box::new(move || for_caches.create_cache());
        Pattern { dfa, caches: Pool::new(create), vm }
    }

    /// True when the expression matches somewhere in `haystack`, as
    /// `regex::Regex::is_match` answers.
    pub fn is_match(&self, haystack: &str) -> bool {
        let input = Input::new(haystack).earliest(true);
        let found = {
            let mut cache = self.caches.get();
            self.dfa.try_search_fwd(&mut cache, &input)
        };
        match found {
            Ok(found) => found.is_some(),
            Err(_) => self.vm.is_match(&mut self.vm.create_cache(), input),
        }
    }

    /// Where capture group `index` matched in the leftmost-first match of
    /// `haystack`, as `regex::Regex::captures(..).get(index)` finds it.
    /// The slow PikeVM only runs on lines the DFA has matched.
    pub fn group(&self, haystack: &str, index: usize) -> Option<Range<usize>> {
        if !self.is_match(haystack) {
            return None;
        }
        let mut captures = self.vm.create_captures();
        self.vm.captures(&mut self.vm.create_cache(), haystack, &mut captures);
        captures.get_group(index).map(|span| span.range())
    }
}

/// Compiles with the one compiler all patterns share, so its UTF-8 tables
/// are allocated once per process rather than twice per expression.
fn compile(pattern: &str) -> NFA {
    static COMPILER: LazyLock<Mutex<thompson::Compiler>> = LazyLock::new(|| {
        let mut compiler = thompson::Compiler::new();
        compiler.configure(thompson::Config::new().which_captures(WhichCaptures::All));
        Mutex::new(compiler)
    });
    let compiler = COMPILER.lock().unwrap_or_else(PoisonError::into_inner);
    compiler.build(pattern).expect("a valid built-in pattern")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn answers_as_regex_does_on_examples() {
        let words = Pattern::new(r"(?i:(?-u:\b)phones?(?-u:\b))");
        assert!(words.is_match("Call Phone 42"));
        assert!(!words.is_match("telephoned"));
        let anchored = Pattern::new(r"^[（(]\s*完\s*[)）]$");
        assert!(anchored.is_match("（完）"));
        assert!(!anchored.is_match("全文（完）"));
    }

    #[test]
    fn finds_a_group_where_regex_finds_it() {
        let pattern = r"^本报讯\s*[(（]([^)）]{1,40})[)）]";
        let ours = Pattern::new(pattern);
        let theirs = regex::Regex::new(pattern).unwrap();
        for line in ["本报讯（记者 李明）今天", "本报讯 (王五) 昨日", "本报讯今天", "（记者）"]
        {
            let expected = theirs.captures(line).and_then(|c| c.get(1)).map(|m| m.range());
            assert_eq!(ours.group(line, 1), expected, "{line}");
        }
    }

    #[test]
    fn a_unicode_word_boundary_falls_back_to_the_pikevm() {
        // The lazy DFA gives up on a Unicode \b over non-ASCII text; the
        // answer must still be right.
        let pattern = Pattern::new(r"\b记者\b");
        assert!(pattern.is_match("本报 记者 李明"));
        assert!(!pattern.is_match("本报记者李明"));
    }

    proptest! {
        /// Any text, from an alphabet the cue expressions care about.
        #[test]
        fn agrees_with_regex(line in "[ a-zA-Z0-9.()（）本报讯记者新华社电完]{0,30}") {
            for pattern in [
                r"^[（(]\s*(?:完|本[报報]|新[华華]社)[^()（）]{0,8}[)）]$",
                r"(?i:(?-u:\b)(?:sale|prices?)(?-u:\b))|\d+\s?c(?-u:\b)",
                r"[\p{Han}\d]{0,3}新华社[\p{Han}\d\s]{0,4}电",
            ] {
                let ours = Pattern::new(pattern);
                let theirs = regex::Regex::new(pattern).unwrap();
                prop_assert_eq!(ours.is_match(&line), theirs.is_match(&line), "{} on {:?}", pattern, line);
            }
        }
    }
}
