//! Small closed word lists the context filters consult. All entries are lower case, as folded
//! by [`tokens::fold_word`](super::tokens::fold_word).

use std::sync::LazyLock;

/// Words before a name that mark it as a place ("in Nineveh", "near Rutba").
#[rustfmt::skip]
pub static LOCATIVE_PREPOSITIONS: WordSet = WordSet::new(0, &[
    "in", "at", "near", "from", "to", "into", "outside", "across", "throughout", "toward",
    "towards", "around", "inside", "within", "between", "via", "across", "through", "of", "nearby",
    "northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west",
    "downtown", "entering", "leaving", "visit", "visited", "visiting", "reached", "based", "born",
    "lives", "lived", "resident", "residents", "native", "mayor", "governor", "province", "city",
    "town", "village", "state", "county", "district", "region", "capital", "border", "borders",
    "bordering", "outskirts", "suburb", "suburbs", "streets",
]);

/// Direction and position words that qualify a place ("western Iraq").
#[rustfmt::skip]
pub static DIRECTION_MODIFIERS: WordSet = WordSet::new(1, &[
    "western", "eastern", "northern", "southern", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western", "upstate", "downstate", "downtown", "coastal", "rural", "suburban", "greater",
    "inner", "outer", "upper", "lower", "mid", "far", "north", "south", "east", "west", "northeast",
    "northwest", "southeast", "southwest",
]);

/// What kind of place a trailing head points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// "province", "governorate", "state".
    Admin1,
    /// "district", "county".
    Admin2,
    /// "city", "town", "village".
    City,
    /// "region".
    Region,
    /// "area", "neighborhood": any kind, or a place the gazetteer lacks.
    Local,
}

/// Capitalised heads that belong to the name of a place the gazetteer may lack
/// ("Mississippi River", "Lake Erie" is handled by [`LEADING_NAME_HEADS`]).
#[rustfmt::skip]
pub static NAME_HEADS: WordSet = WordSet::new(2, &[
    "river", "lake", "mountains", "mountain", "valley", "island", "islands", "bay", "sea", "ocean",
    "gulf", "strait", "peninsula", "desert", "plain", "plains", "county", "parish", "township",
    "canyon", "creek", "heights", "hills", "coast", "beach", "falls", "springs", "harbor",
    "harbour", "basin", "delta", "forest", "range", "straits", "channel", "borough", "strip", "park",
    "sound",
]);

/// Whether "Bank" after `prev` (folded) ends a place's name: only after a side or direction
/// ("West Bank", "Left Bank"); otherwise it ends an organisation's ("World Bank").
pub fn bank_is_place(prev: &str) -> bool {
    DIRECTION_MODIFIERS.contains(prev) || matches!(prev, "left" | "right")
}

/// Capitalised words that make a run of capitalised words the name of an organisation, never
/// of a place the gazetteer lacks ("World Bank", "Port Authority", "Labour Party").
#[rustfmt::skip]
pub static ORGANISATION_WORDS: WordSet = WordSet::new(13, &[
    "bank", "banks", "university", "college", "council", "ministry", "company", "party",
    "corporation", "corp", "inc", "association", "committee", "commission", "agency", "authority",
    "institute", "foundation", "fund", "league", "federation", "organisation", "organization",
    "bureau", "department", "society", "club", "board", "hospital", "church", "school", "academy",
    "police", "army", "airlines", "airways", "group", "trust", "front", "movement", "brigade",
    "brigades", "forces", "coalition", "alliance", "network", "institution", "services",
    "industries", "holdings", "partners", "cooperative", "co-op", "bancorp",
]);

/// Capitalised words that start the name of a natural feature ("Lake Erie", "Mount Sinjar").
pub static LEADING_NAME_HEADS: WordSet =
    WordSet::new(3, &["lake", "mount", "mt", "cape", "fort", "port", "gulf"]);

/// Capitalised words after a place name that make it part of an organisation or facility
/// whose name holds the place ("Aleppo University", "Alexandria Police").
#[rustfmt::skip]
pub static ORGANISATION_SUFFIXES: WordSet = WordSet::new(4, &[
    "university", "college", "police", "fire", "sheriff", "sheriffs", "department", "hospital",
    "school", "schools", "church", "airport", "council", "times", "post", "herald", "tribune",
    "news", "journal", "gazette", "club", "bank", "center", "centre", "stadium", "museum",
    "library", "court", "academy", "institute", "mall", "zoo", "city", "county", "government",
    "administration", "office", "board", "commission", "committee", "authority", "port", "harbor",
    "station", "district", "public", "municipal", "regional", "area", "metro", "metropolitan",
    "chamber", "symphony", "orchestra", "festival", "marathon", "fair", "cathedral", "mosque",
    "temple", "prison", "jail", "province", "provincial", "state", "community", "memorial",
    "general", "medical", "health", "water", "electric", "energy", "transit", "housing", "parks",
    "township", "borough", "village", "town", "city's", "pd", "fc", "united", "rangers", "rovers",
    "athletic", "airlines", "airways", "railway", "railways", "railroad", "market", "square",
    "bridge", "dam", "declaration", "accord", "accords", "agreement", "summit", "conference",
    "convention", "protocol", "talks", "process",
]);

/// Lower-case words after a name that mark it as a place ("a Rochester man", "Richmond
/// police", "the Mansfield patrol program").
#[rustfmt::skip]
pub static FOLLOWING_CUES: WordSet = WordSet::new(5, &[
    "man", "woman", "men", "women", "girl", "boy", "girls", "boys", "teen", "teenager", "child",
    "children", "resident", "residents", "native", "natives", "police", "officers", "officials",
    "mayor", "council", "councilman", "schools", "school", "hospital", "firefighters", "patrol",
    "couple", "family", "families", "student", "students", "company", "firm", "home", "homes",
    "neighborhood", "authorities", "voters", "lawmakers", "businesses", "business", "area", "areas",
    "metro", "suburb", "suburbs", "native", "government", "governor", "legislature", "lawmaker",
    "officer", "city", "county", "town", "village", "streets", "street", "church", "churches",
    "community", "communities", "homeowners", "landlord", "couple", "teacher", "teachers",
    "facility", "plant", "office", "offices", "store", "stores", "restaurant", "airport", "library",
    "park", "campus", "attorney", "judge", "court", "jail", "prison", "sheriff", "deputies",
    "paramedics", "fire", "election", "elections", "voters", "farmers", "workers", "employees",
    "population", "economy", "market", "markets", "region", "mother", "father", "son", "daughter",
    "wife", "husband", "mom", "dad", "grandmother", "grandfather", "teens", "youth", "bar",
    "hotel", "hotels", "neighbors", "shooting", "murder", "mall", "downtown", "psychiatric",
]);

/// Capitalised words after a name that make it a street or building, not a place
/// ("Memphis Street", "Orchard St.").
#[rustfmt::skip]
pub static STREET_SUFFIXES: WordSet = WordSet::new(6, &[
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln",
    "way", "highway", "hwy", "parkway", "pkwy", "place", "pl", "court", "ct", "terrace", "circle",
    "pike", "trail", "row", "plaza", "building", "tower", "towers", "hall", "house", "hotel", "inn",
    "apartments", "estates",
]);

/// Titles before a capitalised name that make it a person ("Gov. Jordan", "Mr. Paris").
#[rustfmt::skip]
pub static PERSON_TITLES: WordSet = WordSet::new(7, &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "gov", "governor", "sen", "senator", "rep",
    "president", "judge", "justice", "officer", "sgt", "sergeant", "lt", "capt", "captain", "col",
    "gen", "general", "coach", "rev", "reverend", "father", "sister", "brother", "pastor", "bishop",
    "saint", "lord", "lady", "sir", "king", "queen", "prince", "princess", "minister", "secretary",
    "chairman", "commissioner", "councilman", "councilwoman", "deputy", "detective", "trooper",
    "pvt", "cpl", "spc", "mayor", "attorney", "superintendent", "principal", "chief", "agent",
    "director", "st",
]);

/// Verbs after a capitalised name that make it a person or organisation ("Jordan said").
#[rustfmt::skip]
pub static SPEECH_VERBS: WordSet = WordSet::new(8, &[
    "said", "says", "told", "added", "stated", "explained", "noted", "asked", "replied", "argued",
    "wrote", "believes", "thinks", "recalled", "admitted", "announced", "declined", "scored",
    "pitched", "played", "threw", "ran", "smiled", "laughed", "joined", "graduated", "married",
    "died", "tweeted", "testified", "pleaded", "resigned", "retired",
]);

/// Function words and other capitalised words that are never places on their own.
#[rustfmt::skip]
pub static NEVER_PLACES: WordSet = WordSet::new(9, &[
    "the", "a", "an", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "it", "its", "he", "she", "we", "they", "you", "i", "this", "that", "these",
    "those", "there", "here", "when", "where", "who", "what", "why", "how", "mr", "mrs", "ms", "dr",
    "said", "says", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "god", "jesus", "lord", "christmas", "easter", "police",
    "university", "college", "church", "school", "city", "county", "state", "republic", "kingdom",
    "union", "federal", "national", "international", "north", "south", "east", "west", "central",
    "western", "eastern", "northern", "southern", "new", "old", "great", "little", "big", "saint",
    "san", "santa", "mount", "lake", "fort", "port", "cape", "island", "river", "valley", "beach",
    "park", "center", "centre", "hill", "hills", "bay", "sea", "ocean", "gulf", "street", "road",
    "avenue", "world", "earth", "president", "governor", "senator", "mayor", "chief", "council",
    "court", "congress", "senate", "house", "white", "black", "red", "green", "blue", "brown",
    "gray", "grey", "english", "islam", "muslim", "christian", "jewish", "arab", "arabic", "latin",
    "african", "asian", "european", "internet", "web", "online", "twitter", "facebook", "google",
    "amazon", "apple", "microsoft", "nato", "un", "isis", "isil", "eu", "opec", "who", "ap",
    "reuters", "afp", "cnn", "bbc", "fox", "nbc", "abc", "cbs", "pm", "am", "tv", "ok", "inc", "co",
    "corp", "ltd", "llc", "jr", "sr", "ii", "iii", "iv", "us", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "first", "second", "third", "hall", "olympic", "olympics",
    "more", "some", "free", "minister", "royal", "story", "enterprise", "commonwealth", "read",
    "toyota", "honda", "nissan", "mazda", "subaru", "lexus", "acura", "chevrolet", "hyundai",
    "kia", "metro", "delta", "titan", "human", "man", "woman", "men",
]);

/// Common English first names: a capitalised place name right after one is a surname
/// ("Chiquita Henry"), and one of them right before a capitalised word is a person
/// ("Paris Hilton", "Jordan Henderson").
#[rustfmt::skip]
pub static FIRST_NAMES: WordSet = WordSet::new(10, &[
    "aaron", "adam", "adrian", "alan", "albert", "alex", "alexander", "alexandra", "alice",
    "alicia", "allen", "alyssa", "amanda", "amber", "amy", "andrea", "andrew", "angela", "ann",
    "anna", "anne", "anthony", "april", "arthur", "ashley", "austin", "barbara", "barry", "ben",
    "benjamin", "betty", "beverly", "bill", "billy", "bob", "bobby", "bonnie", "brad", "bradley",
    "brandon", "brenda", "brian", "brittany", "bruce", "bryan", "caleb", "cameron", "carl", "carla",
    "carol", "caroline", "carolyn", "catherine", "chad", "charles", "charlie", "charlotte",
    "chelsea", "cheryl", "chris", "christian", "christina", "christine", "christopher", "cindy",
    "clarence", "cody", "colin", "connor", "craig", "crystal", "cynthia", "dale", "dallas", "dan",
    "dana", "daniel", "danielle", "danny", "darlene", "darryl", "dave", "david", "dean", "deborah",
    "debra", "denise", "dennis", "derek", "diana", "diane", "don", "donald", "donna", "doris",
    "dorothy", "doug", "douglas", "dylan", "earl", "ed", "eddie", "edward", "elizabeth", "ellen",
    "emily", "emma", "eric", "erica", "erin", "ethan", "eugene", "evelyn", "frances", "francis",
    "frank", "fred", "gabriel", "gary", "george", "gerald", "glenn", "gloria", "grace", "greg",
    "gregory", "hannah", "harold", "harry", "heather", "helen", "henry", "holly", "howard",
    "hunter", "ian", "isaac", "jack", "jackson", "jacob", "jacqueline", "jake", "james", "jamie",
    "jane", "janet", "janice", "jason", "jean", "jeff", "jeffrey", "jennifer", "jeremy", "jerry",
    "jesse", "jessica", "jim", "jimmy", "joan", "joe", "joel", "john", "johnny", "jon", "jonathan",
    "jordan", "jose", "joseph", "joshua", "joyce", "juan", "judith", "judy", "julia", "julie",
    "justin", "karen", "katherine", "kathleen", "kathryn", "kathy", "katie", "keith", "kelly",
    "ken", "kenneth", "kevin", "kim", "kimberly", "kyle", "larry", "laura", "lauren", "lawrence",
    "lee", "leslie", "linda", "lisa", "logan", "lori", "louis", "luis", "luke", "madison", "marcus",
    "margaret", "maria", "marie", "marilyn", "mark", "martha", "martin", "mary", "matt", "matthew",
    "megan", "melissa", "michael", "michelle", "mike", "nancy", "nathan", "nicholas", "nicole",
    "noah", "norma", "pamela", "patricia", "patrick", "paul", "paula", "peggy", "peter", "philip",
    "phillip", "phyllis", "rachel", "ralph", "randy", "raquel", "ray", "raymond", "rebecca",
    "richard", "rick", "rob", "robert", "robin", "roger", "ronald", "rose", "roy", "russell",
    "ruth", "ryan", "sam", "samantha", "samuel", "sandra", "sara", "sarah", "scott", "sean",
    "sharon", "shawn", "sheila", "shirley", "sophia", "stephanie", "stephen", "steve", "steven",
    "susan", "tammy", "teresa", "terry", "theresa", "thomas", "tiffany", "tim", "timothy", "tina",
    "todd", "tom", "tommy", "tony", "tracy", "travis", "tyler", "victoria", "vincent", "virginia",
    "walter", "wayne", "william", "willie", "zachary", "mohammed", "muhammad", "mohammad", "ahmed",
    "ahmad", "ali", "omar", "hassan", "hussein", "ibrahim", "khalid", "mahmoud", "mustafa",
    "youssef", "abdul", "abdullah", "saad", "qasim", "imad", "abu", "bin", "ibn", "vladimir",
    "angela", "boris", "emmanuel", "xi", "kim", "hillary", "barack", "donald", "joe", "nancy",
    "bernie", "elizabeth", "chiquita", "sheila", "darryl",
]);

/// Days and months: a capitalised one after a place does not make the place part of a longer
/// proper name ("in Alexandria Friday night", "in Clinton April 4").
#[rustfmt::skip]
pub static DATE_WORDS: WordSet = WordSet::new(14, &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
]);

/// Words before a capitalised name that do not make it part of a longer proper name.
#[rustfmt::skip]
pub static FUNCTION_WORDS: WordSet = WordSet::new(11, &[
    "the", "a", "an", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "it", "its", "he", "she", "we", "they", "this", "that", "these", "those",
    "there", "here", "when", "where", "while", "after", "before", "since", "until", "both", "all",
    "many", "some", "most", "every", "each", "like", "than", "via", "across", "near", "into",
    "outside", "inside", "between", "during", "despite", "including",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "hundred", "thousand", "several", "dozens", "hundreds", "thousands",
]);

/// A closed list of folded words. Membership of all lists is one hash lookup per word (see
/// [`classes`]), and a word's classes can be kept and tested bit by bit.
pub struct WordSet {
    words: &'static [&'static str],
    bit: u32,
}

impl WordSet {
    const fn new(index: u32, words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            bit: 1 << index,
        }
    }

    /// Whether `word` (folded) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        classes(word) & self.bit != 0
    }

    /// Whether a word with classes `classes` is in the list.
    pub fn has(&self, classes: u32) -> bool {
        classes & self.bit != 0
    }
}

static ALL_SETS: &[&WordSet] = &[
    &LOCATIVE_PREPOSITIONS,
    &DIRECTION_MODIFIERS,
    &NAME_HEADS,
    &LEADING_NAME_HEADS,
    &ORGANISATION_SUFFIXES,
    &FOLLOWING_CUES,
    &STREET_SUFFIXES,
    &PERSON_TITLES,
    &SPEECH_VERBS,
    &NEVER_PLACES,
    &FIRST_NAMES,
    &FUNCTION_WORDS,
    &PARTICLES,
    &ORGANISATION_WORDS,
    &DATE_WORDS,
];

/// Every listed word with its classes, in an open-addressing table. The slots hold only a
/// fingerprint and an index into the words (16 KiB, so that they stay in the L1 cache: these
/// lookups run for every word next to a capitalised one, and most such words are in no list);
/// a word packed in two `u64`s is compared only when its fingerprint matches.
struct ClassTable {
    /// `fingerprint << 16 | (index into words + 1)` per slot; 0 for empty.
    slots: Vec<u32>,
    /// (first 8 bytes, next 8 bytes, length, classes) per listed word.
    words: Vec<(u64, u64, u32, u32)>,
}

/// Slots of the table (a power of two, several times the number of listed words).
const CLASS_SLOTS: usize = 4096;

/// Longest listed word.
const MAX_WORD: usize = 16;

/// `word` (at most [`MAX_WORD`] bytes) as two little-endian `u64`s, zero-padded. Built from
/// whole loads rather than a zeroed buffer: a buffer written byte by byte and read back as
/// words stalls the load on the stores.
fn pack(word: &[u8]) -> (u64, u64) {
    let n = word.len().min(MAX_WORD);
    let word = &word[..n];
    if n <= 8 {
        (load_le(word), 0)
    } else {
        (load_le(&word[..8]), load_le(&word[8..]))
    }
}

/// Up to eight bytes as a little-endian `u64`, zero-padded.
fn load_le(b: &[u8]) -> u64 {
    let u32_at = |i: usize| match b.get(i..i + 4) {
        Some(&[w, x, y, z]) => u64::from(u32::from_le_bytes([w, x, y, z])),
        _ => 0,
    };
    match b.len() {
        0 => 0,
        1..=3 => b
            .iter()
            .rev()
            .fold(0u64, |acc, &byte| (acc << 8) | u64::from(byte)),
        // Two overlapping four-byte loads: the shared bytes are the same in both.
        n @ 4..=7 => u32_at(0) | (u32_at(n - 4) << (8 * (n - 4))),
        _ => match b.get(..8) {
            Some(&[a, c, d, e, f, g, h, i]) => u64::from_le_bytes([a, c, d, e, f, g, h, i]),
            _ => 0,
        },
    }
}

/// The first slot and the fingerprint of a packed word.
fn slot_of(lo: u64, hi: u64, len: usize) -> (usize, u32) {
    let h = (lo ^ hi.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (
        (h >> 52) as usize & (CLASS_SLOTS - 1),
        (h >> 16) as u32 & 0xFFFF,
    )
}

impl ClassTable {
    fn new() -> ClassTable {
        let mut t = ClassTable {
            slots: vec![0; CLASS_SLOTS],
            words: Vec::new(),
        };
        for set in ALL_SETS {
            for w in set.words {
                let (lo, hi) = pack(w.as_bytes());
                let len = w.len() as u32;
                let (mut i, fp) = slot_of(lo, hi, w.len());
                loop {
                    let s = t.slots[i];
                    if s == 0 {
                        if t.words.len() >= 0xFFFF {
                            break; // more words than indices: never, with lists this size
                        }
                        t.words.push((lo, hi, len, set.bit));
                        t.slots[i] = (fp << 16) | t.words.len() as u32;
                        break;
                    }
                    let k = ((s & 0xFFFF) as usize).wrapping_sub(1);
                    if let Some(e) = t.words.get_mut(k)
                        && (e.0, e.1, e.2) == (lo, hi, len)
                    {
                        e.3 |= set.bit;
                        break;
                    }
                    i = (i + 1) & (CLASS_SLOTS - 1);
                }
            }
        }
        t
    }

    fn get(&self, word: &[u8]) -> u32 {
        let (lo, hi) = pack(word);
        let (mut i, fp) = slot_of(lo, hi, word.len());
        loop {
            let Some(&s) = self.slots.get(i) else {
                return 0;
            };
            if s == 0 {
                return 0;
            }
            if s >> 16 == fp
                && let Some(&(a, b, len, classes)) =
                    self.words.get(((s & 0xFFFF) as usize).wrapping_sub(1))
                && a == lo
                && b == hi
                && len as usize == word.len()
            {
                return classes;
            }
            i = (i + 1) & (CLASS_SLOTS - 1);
        }
    }
}

static CLASSES: LazyLock<ClassTable> = LazyLock::new(ClassTable::new);

/// The lists `word` (folded) belongs to, as a bit set of [`WordSet::bit`]s.
pub fn classes(word: &str) -> u32 {
    if word.is_empty() || word.len() > MAX_WORD {
        return 0; // longer than any listed word
    }
    CLASSES.get(word.as_bytes())
}

/// Lower-case words that may start a name when a capitalised word follows ("al-Rutbah").
#[rustfmt::skip]
pub static PARTICLES: WordSet = WordSet::new(12, &[
    "al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ath", "adh", "de", "du", "la", "le",
    "les", "los", "las", "da", "di", "del", "della", "van", "von", "ul",
]);

/// Whether `word` (folded) is in `list`.
pub fn contains(list: &WordSet, word: &str) -> bool {
    list.contains(word)
}

/// The head kind of `word` (folded), if it is a trailing head.
pub fn trailing_head(word: &str) -> Option<Head> {
    // A `match` rejects most words on their length alone.
    Some(match word {
        "province" | "provinces" | "governorate" | "governorates" | "state" | "states"
        | "prefecture" => Head::Admin1,
        "region" | "regions" => Head::Region,
        "district" | "districts" | "county" | "counties" | "parish" | "municipality"
        | "subdistrict" | "sub-district" => Head::Admin2,
        "area" | "areas" | "neighborhood" | "neighbourhood" | "suburb" | "border"
        | "countryside" => Head::Local,
        "city" | "town" | "village" => Head::City,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_found_in_its_lists() {
        let total: usize = ALL_SETS.iter().map(|s| s.words.len()).sum();
        assert!(total * 3 < CLASS_SLOTS, "{total} words: grow CLASS_SLOTS");
        for set in ALL_SETS {
            for w in set.words {
                assert!(w.len() <= MAX_WORD, "{w:?} is longer than MAX_WORD");
                assert!(set.contains(w), "{w:?} not found");
            }
        }
        assert_eq!(classes("notalistedword"), 0);
        assert_eq!(classes(""), 0);
        assert!(!FIRST_NAMES.contains("province"));
        assert!(DATE_WORDS.has(classes("friday")) && DATE_WORDS.has(classes("march")));
        assert!(!DATE_WORDS.has(classes("alexandria")));
    }

    #[test]
    fn pack_is_the_zero_padded_little_endian_bytes() {
        let word = b"abcdefghijklmnopq";
        for n in 0..=word.len() {
            let mut b = [0u8; 16];
            let k = n.min(16);
            b[..k].copy_from_slice(&word[..k]);
            let lo = u64::from_le_bytes(b[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(b[8..].try_into().unwrap());
            assert_eq!(pack(&word[..n]), (lo, hi), "{n} bytes");
        }
    }
}
