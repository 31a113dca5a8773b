//! Change: "rose 6.5%", "fell by 500,000 barrels a day", "up 19 cents", "a 5% increase".
//!
//! Only the amount of a change is marked: in "rose 6.5% to 164p" the 6.5% went up, while 164p
//! is where the price ended, and in "up from 2.4 million" the 2.4 million is where it started
//! ("to", "from" and "at" block the verb).

use super::Change;
use super::tokens::Tokens;

fn verb(w: &str) -> Option<Change> {
    use Change::*;
    Some(match w {
        "spiking" | "rallying" | "boosting" | "hiking" | "expanding" | "accelerating"
        | "widening" | "lifting" | "improving" | "skyrocketing" | "swelling" | "ballooning"
        | "doubling" | "tripling" | "leaping" | "rebounding" | "recovering" | "rose" | "rise"
        | "rises" | "rising" | "risen" | "increased" | "increase" | "increases" | "increasing"
        | "climbed" | "climb" | "climbs" | "climbing" | "gained" | "gain" | "gains" | "gaining"
        | "jumped" | "jump" | "jumps" | "jumping" | "surged" | "surge" | "surges" | "surging"
        | "soared" | "soar" | "soars" | "soaring" | "grew" | "grow" | "grows" | "growing"
        | "grown" | "advanced" | "advances" | "advancing" | "rallied" | "rallies" | "spiked"
        | "up" | "boosted" | "boost" | "boosts" | "raised" | "raise" | "raises" | "raising"
        | "hiked" | "hike" | "hikes" | "expanded" | "expands" | "accelerated" | "widened"
        | "lifted" | "added" | "adds" | "adding" | "improved" | "skyrocketed" | "swelled"
        | "ballooned" | "doubled" | "tripled" | "leapt" | "leaped" | "upped" | "firmed"
        | "strengthened" | "recovered" | "rebounded" | "bounced" | "doubles" | "triples"
        | "quadrupled" | "quadruples" | "rocketed" | "rocketing" => Up,
        "plummeting" | "plunging" | "tumbling" | "sinking" | "dipping" | "slumping"
        | "shrinking" | "slashing" | "trimming" | "easing" | "retreating" | "contracting"
        | "weakening" | "diving" | "crashing" | "tanking" | "halving" | "fell" | "fall"
        | "falls" | "falling" | "fallen" | "dropped" | "drop" | "drops" | "dropping"
        | "declined" | "decline" | "declines" | "declining" | "decreased" | "decrease"
        | "decreases" | "decreasing" | "slipped" | "slip" | "slips" | "slid" | "slide"
        | "slides" | "sliding" | "tumbled" | "tumble" | "tumbles" | "plunged" | "plunge"
        | "plunges" | "plummeted" | "plummet" | "plummets" | "sank" | "sink" | "sinks" | "sunk"
        | "lost" | "lose" | "loses" | "losing" | "shed" | "sheds" | "shedding" | "cut" | "cuts"
        | "cutting" | "reduced" | "reduce" | "reduces" | "lowered" | "slumped" | "slump"
        | "slumps" | "eased" | "ease" | "eases" | "dipped" | "dip" | "dips" | "retreated"
        | "retreats" | "contracted" | "contracts" | "down" | "shrank" | "shrink" | "shrinks"
        | "shrunk" | "off" | "slashed" | "slash" | "trimmed" | "narrowed" | "dived" | "dove"
        | "crashed" | "sagged" | "weakened" | "tanked" | "slowed" | "halved" | "receded"
        | "deflated" | "skidded" | "erased" | "wiped" | "collapsed" | "collapses"
        | "collapsing" | "slipping" | "reducing" | "lowers" | "lowering" | "dwindled"
        | "dwindling" | "diminished" | "halves" | "nosedived" | "eroded" => Down,
        _ => return None,
    })
}

/// True when the word right before token `first` is a verb of change ("rose 5%", "up 5%").
pub(crate) fn verb_right_before(t: &Tokens<'_>, first: usize) -> bool {
    first > 0 && verb(t.lower(first - 1)).is_some()
}

/// True for verbs of change ("rose", "fell"): they end a noun phrase.
pub(crate) fn is_verb(w: &str) -> bool {
    verb(w).is_some() && !matches!(w, "up" | "down" | "off")
}

/// Nouns of change, written after the quantity ("a 5% increase") or before "of" ("a rise of 5%").
fn noun(w: &str) -> Option<Change> {
    use Change::*;
    Some(match w {
        "increase" | "increases" | "rise" | "rises" | "gain" | "gains" | "jump" | "jumps"
        | "surge" | "growth" | "hike" | "hikes" | "boost" | "uptick" | "climb" | "advance"
        | "rally" | "upturn" | "spike" | "expansion" => Up,
        "decrease" | "decreases" | "decline" | "declines" | "drop" | "drops" | "fall" | "falls"
        | "cut" | "cuts" | "reduction" | "reductions" | "loss" | "losses" | "slump" | "plunge"
        | "dip" | "contraction" | "slide" | "downturn" | "slowdown" | "tumble" => Down,
        _ => return None,
    })
}

/// The direction of a noun of change ("increase" → up, "drop" → down).
pub(crate) fn noun_direction(w: &str) -> Option<Change> {
    noun(w)
}

/// Words that may stand between a verb and its amount ("rose by a further 3%").
const FILLERS: &[&str] = &[
    "by",
    "a",
    "an",
    "another",
    "further",
    "additional",
    "extra",
    "just",
    "only",
    "sharply",
    "slightly",
    "steeply",
    "nearly",
    "strongly",
    "some",
    "respectively",
    "marginally",
];

/// A verb of change within `reach` tokens before `k`, in the same clause.
fn verb_back(t: &Tokens<'_>, k: usize, floor: usize, reach: usize) -> Option<Change> {
    let mut j = k;
    while j > floor && k - j < reach {
        j -= 1;
        let w = t.lower(j);
        if matches!(
            w,
            "," | ";" | ":" | "from" | "and" | "while" | "but" | "to" | "(" | ")"
        ) {
            return None;
        }
        if let Some(c) = verb(w) {
            return Some(c);
        }
    }
    None
}

/// The direction of change of the quantity spanning tokens `first..end`, looking no further
/// back than `floor`.
pub(crate) fn detect(t: &Tokens<'_>, first: usize, end: usize, floor: usize) -> Option<Change> {
    // Before: verb [fillers] quantity, or noun "of" quantity.
    let mut k = first;
    let mut skipped = 0;
    while k > floor && skipped <= 3 {
        let w = t.lower(k - 1);
        if let Some(c) = verb(w) {
            // "handed down a $700,000 award", "set up a $50m fund": a particle before an
            // article belongs to its verb.
            let article_skipped =
                skipped > 0 && t.is_any(k, &["a", "an", "the", "another", "its", "their"]);
            if article_skipped && matches!(w, "up" | "down" | "off") {
                return None;
            }
            return Some(c);
        }
        if w == "of" && k >= 2 && k - 1 > floor {
            return noun(t.lower(k - 2));
        }
        // "grow sales by 35%": the verb may be a few words before "by".
        if w == "by" {
            return verb_back(t, k - 1, floor, 3);
        }
        if !FILLERS.contains(&w) {
            break;
        }
        k -= 1;
        skipped += 1;
    }
    // After: quantity [-] noun ("a 5% increase", "a 5%-rise", "5% higher").
    let mut j = end;
    if t.raw(j) == "-" && t.touches_prev(j) {
        j += 1;
    }
    // "2,000 up to 5,000": "up to" is a bound.
    if t.is(j, "higher") || (t.is(j, "up") && !t.is(j + 1, "to")) {
        return Some(Change::Up);
    }
    if t.is_any(j, &["lower", "down"]) {
        return Some(Change::Down);
    }
    if first > 0 && t.is_any(first - 1, &["a", "an", "the"]) {
        return noun(t.lower(j));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn change(text: &str, first: usize, end: usize) -> Option<Change> {
        let t = Tokens::new(text, Span::new(0, text.len()));
        detect(&t, first, end, 0)
    }

    #[test]
    fn verbs_before() {
        assert_eq!(change("shares rose 6.5%", 2, 6), Some(Change::Up));
        assert_eq!(change("exports dropped by 7%", 3, 5), Some(Change::Down));
        assert_eq!(change("rose to 5%", 2, 4), None);
        assert_eq!(change("grow sales by 35%", 3, 5), Some(Change::Up));
        assert_eq!(change("up from 5%", 2, 4), None);
        assert_eq!(change("crude was up 19 cents", 3, 5), Some(Change::Up));
    }

    #[test]
    fn nouns() {
        assert_eq!(change("a 5% increase", 1, 3), Some(Change::Up));
        assert_eq!(change("a drop of 5%", 3, 5), Some(Change::Down));
        assert_eq!(change("prices 5% higher", 1, 3), Some(Change::Up));
    }
}
