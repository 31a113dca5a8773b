//! Byte → code-point offsets agree with counting chars, for every boundary.
#![no_main]

use factsift::CharOffsets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let offsets = CharOffsets::new(&text);
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        assert_eq!(offsets.char_offset(byte), chars);
    }
    assert_eq!(offsets.char_len(), text.chars().count());
});
