fn main() {
    afl::fuzz!(|data: &[u8]| enlace::fuzzing::report_text(data));
}
