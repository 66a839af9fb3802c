//! Ledger storage: a realistic sample for the Rust definitions query.
use std::fmt;

pub const MAX_ENTRIES: usize = 1000;
static DEFAULT_NAME: &str = "main";

pub type Key = String;

/// What a ledger needs from its backing store.
pub trait Store: Send {
    type Error;
    const NAME: &'static str;
    fn get(&self, key: &str) -> Option<Vec<u8>>;
    fn put(&mut self, key: Key, value: Vec<u8>) -> Result<(), Self::Error>;
    fn flush(&mut self) {
        // nothing buffered by default
    }
}

#[derive(Debug, Clone)]
pub struct Entry<T> {
    pub key: Key,
    pub value: T,
}

pub struct Ledger<T, S: Store> {
    store: S,
    entries: Vec<Entry<T>>,
}

pub struct Offset(pub u64);

pub enum Level {
    Debug,
    Info { verbose: bool },
}

impl<T: Clone, S: Store> Ledger<T, S> {
    pub fn new(store: S) -> Self {
        Ledger { store, entries: Vec::new() }
    }

    pub fn append(&mut self, entry: Entry<T>) -> usize {
        self.entries.push(entry); /* never reordered */
        self.entries.len()
    }

    pub fn replay<F>(&self, (from, to): (usize, usize), mut visit: F)
    where
        F: FnMut(&Entry<T>),
    {
        self.entries[from..to].iter().for_each(|e| visit(e));
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}", self.0)
    }
}

pub mod memory {
    use super::*;

    pub struct MemoryStore {
        data: std::collections::HashMap<String, Vec<u8>>,
    }

    impl Store for MemoryStore {
        type Error = std::convert::Infallible;
        const NAME: &'static str = "memory";
        fn get(&self, key: &str) -> Option<Vec<u8>> {
            self.data.get(key).cloned()
        }
        fn put(&mut self, key: Key, value: Vec<u8>) -> Result<(), Self::Error> {
            self.data.insert(key, value);
            Ok(())
        }
    }
}
