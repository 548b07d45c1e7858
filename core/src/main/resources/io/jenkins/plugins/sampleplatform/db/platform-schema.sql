-- The tables of the Sample Platform that DB mode reads, with the platform's names and columns.
-- Portable across SQLite and MySQL/MariaDB. Used for the demo database and by the tests. The indexes
-- are only the primary keys, as in the platform's own SQLite schema (MariaDB adds foreign-key indexes
-- there); the benchmark (bench/) seeds the platform's real DDL.
CREATE TABLE test (id INTEGER PRIMARY KEY, platform VARCHAR(50) NOT NULL DEFAULT 'linux', test_type VARCHAR(50) NOT NULL DEFAULT 'commit', fork_id INTEGER NULL, branch VARCHAR(255) NOT NULL DEFAULT 'master', `commit` VARCHAR(64) NOT NULL DEFAULT '', pr_nr INTEGER NOT NULL DEFAULT 0);
CREATE TABLE fork (id INTEGER PRIMARY KEY, github VARCHAR(256) NULL);
CREATE TABLE test_progress (id INTEGER PRIMARY KEY, test_id INTEGER NOT NULL, status VARCHAR(32) NOT NULL, `timestamp` TIMESTAMP NULL);
CREATE TABLE customized_test (id INTEGER PRIMARY KEY, test_id INTEGER NOT NULL, regression_id INTEGER NOT NULL);
CREATE TABLE regression_test (id INTEGER PRIMARY KEY, sample_id INTEGER NULL, command TEXT NULL, active BOOLEAN NULL, expected_rc INTEGER NULL);
CREATE TABLE sample (id INTEGER PRIMARY KEY, sha VARCHAR(128) NULL, original_name TEXT NULL);
CREATE TABLE category (id INTEGER PRIMARY KEY, name VARCHAR(64) NULL);
CREATE TABLE regression_test_category (regression_id INTEGER NULL, category_id INTEGER NULL);
CREATE TABLE test_result (test_id INTEGER NOT NULL, regression_test_id INTEGER NOT NULL, runtime INTEGER NULL, exit_code INTEGER NULL, expected_rc INTEGER NULL, PRIMARY KEY (test_id, regression_test_id));
CREATE TABLE test_result_file (test_id INTEGER NOT NULL, regression_test_id INTEGER NOT NULL, regression_test_output_id INTEGER NOT NULL, expected TEXT NULL, got TEXT NULL, PRIMARY KEY (test_id, regression_test_id, regression_test_output_id));
CREATE TABLE regression_test_output (id INTEGER PRIMARY KEY, regression_id INTEGER NOT NULL, correct_extension VARCHAR(64) NULL, `ignore` BOOLEAN NULL);
CREATE TABLE regression_test_output_files (id INTEGER PRIMARY KEY, regression_test_output_id INTEGER NOT NULL, file_hashes TEXT NOT NULL);
