//! Storage against real SQLite files: opening, locking, migrations, sessions, history queries, backup, import and round trips.
//! One binary for these modules: each binary links the whole crate.

mod backup;
#[path = "../common/mod.rs"]
mod common;
mod fuzz_import;
mod history_queries;
mod import;
mod import_binary;
mod import_variants;
mod import_weighted;
mod records_queries;
mod roundtrip;
mod store_damage;
mod store_lock;
mod store_migrations;
mod store_open;
mod store_sessions;
