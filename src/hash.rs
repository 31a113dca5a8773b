//! The hasher of factsift's word tables.
//!
//! Lookups happen once or a few times per word, on short keys that come from the built-in lists
//! or from the user's options, never from an adversary probing the table: a multiply-rotate hash
//! in the style of rustc's FxHash is several times faster than the DoS-resistant default, and
//! word lookups are a large share of the work (they were ~8% of `analyze()` with SipHash).

use std::hash::{BuildHasherDefault, Hasher};

/// `BuildHasher` for [`WordHasher`]: `HashSet<&str, FastHash>`, `HashMap<String, V, FastHash>`.
pub(crate) type FastHash = BuildHasherDefault<WordHasher>;

/// FxHash's multiply-rotate over 8-byte chunks (a short tail packed into one more), with the
/// high half folded into the result.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.write_u64(rest.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        // The multiply carries entropy up, never down: the table indexes by the low bits, which
        // for keys differing in their last bytes ("ab1", "ab2", ...) would nearly all collide.
        // Folding the high half in keeps a user's long abbreviation or place list linear to build.
        self.0 ^ (self.0 >> 32)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::FastHash;

    #[test]
    fn similar_keys_spread_over_the_table() {
        // Regression: 300 000 user abbreviations "ab0".."ab299999" took seconds to insert (10^6
        // took minutes): an 8-byte key is hashed as one word, whose low bits ("ab") survive the
        // multiply unchanged, so the table's low-bit slots collided by the thousand.
        let slots = 1 << 17;
        let mut load = vec![0u32; slots];
        for i in 100_000..200_000 {
            let hash = FastHash::default().hash_one(format!("ab{i}").as_str());
            load[(hash as usize) & (slots - 1)] += 1;
        }
        // Uniform hashing puts at most ~8 keys in one slot; the unmixed hash put hundreds.
        let worst = load.iter().max().copied().unwrap_or(0);
        assert!(worst < 32, "{worst} keys share one slot");
    }
}
