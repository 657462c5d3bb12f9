fn main() {
    afl::fuzz!(|data: &[u8]| enlace::fuzzing::bundle(data));
}
