fn main() {
    println!("enlace");
}
