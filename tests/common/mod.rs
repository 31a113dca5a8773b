//! Shared by the data-driven tests: reading the fixture files under `tests/fixtures/<folder>/`.

use std::fs;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

/// One fixture file: a TOML array of `[[case]]` tables.
#[derive(Deserialize)]
#[serde(bound = "C: DeserializeOwned")]
struct File<C> {
    case: Vec<C>,
}

/// The cases of every `tests/fixtures/<folder>/*.toml`, file by file in name order, each with
/// its file name. Panics naming the file that does not parse, or the folder if it holds no case,
/// so that a typo in a fixture cannot make a test pass by checking nothing.
pub fn fixture_files<C: DeserializeOwned>(folder: &str) -> Vec<(String, Vec<C>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let files: Vec<(String, Vec<C>)> = paths
        .iter()
        .map(|path| {
            let source =
                fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let file: File<C> =
                toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            (name.into_owned(), file.case)
        })
        .collect();
    assert!(
        files.iter().any(|(_, cases)| !cases.is_empty()),
        "no fixture cases in {}",
        dir.display()
    );
    files
}
