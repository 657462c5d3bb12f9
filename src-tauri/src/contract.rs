//! The command contract for the window, generated from the commands themselves.
//!
//! `cargo test export_bindings` (run by `ui/scripts/check-bindings.sh`) reads the commands the
//! app registers (`generate_handler!` in `lib.rs`) and their signatures in `commands/`, and
//! writes `ui/src/lib/bindings/commands.ts`: per command, the arguments the window sends
//! (camelCase, as Tauri expects them) and what it answers. The UI calls commands only through
//! that type, so renaming a command or an argument here fails `tsc` there.
//!
//! A type a command names is spelled as its binding is: a core type exported under another
//! name (`sync::Preview` is `BundlePreview`) is imported into the command file under that name.

use std::collections::BTreeSet;
use std::path::Path;

use syn::{FnArg, GenericArgument, Item, ItemFn, Pat, PathArguments, ReturnType, Type};

/// Arguments Tauri fills in itself; the window never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow"];

/// One registered command as the window sees it.
#[derive(Debug, PartialEq)]
pub struct Command {
    pub name: String,
    /// `(camelCase name, TypeScript type)`.
    pub args: Vec<(String, String)>,
    pub result: String,
}

/// The names inside `generate_handler![…]`, in order.
pub fn registered(lib_rs: &str) -> Vec<String> {
    let start = lib_rs.find("generate_handler![").expect("lib.rs registers its commands") + "generate_handler![".len();
    let end = start + lib_rs[start..].find(']').expect("generate_handler! is closed");
    lib_rs[start..end].split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// Every `#[tauri::command]` function of one source file.
pub fn commands_in(source: &str) -> Vec<Command> {
    let file = syn::parse_file(source).expect("command file parses");
    file.items
        .iter()
        .filter_map(|item| match item {
            Item::Fn(f) if is_command(f) => Some(describe(f)),
            _ => None,
        })
        .collect()
}

fn is_command(f: &ItemFn) -> bool {
    f.attrs.iter().any(|a| a.path().segments.last().is_some_and(|s| s.ident == "command"))
}

fn describe(f: &ItemFn) -> Command {
    let args = f
        .sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Typed(arg) if !INJECTED.contains(&last_ident(&arg.ty).as_str()) => {
                let Pat::Ident(name) = &*arg.pat else { panic!("command {} has a pattern argument", f.sig.ident) };
                Some((camel_case(&name.ident.to_string()), ts_type(&arg.ty)))
            }
            _ => None,
        })
        .collect();
    let result = match &f.sig.output {
        ReturnType::Default => "null".to_string(),
        ReturnType::Type(_, ty) => match last_ident(ty).as_str() {
            "CommandResult" | "Result" => ts_type(first_generic(ty).expect("a result names its value")),
            _ => ts_type(ty),
        },
    };
    Command { name: f.sig.ident.to_string(), args, result }
}

fn last_ident(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        Type::Reference(r) => last_ident(&r.elem),
        _ => String::new(),
    }
}

fn generics(ty: &Type) -> Vec<&Type> {
    let Type::Path(p) = ty else { return Vec::new() };
    let Some(PathArguments::AngleBracketed(args)) = p.path.segments.last().map(|s| &s.arguments) else { return Vec::new() };
    args.args.iter().filter_map(|a| if let GenericArgument::Type(t) = a { Some(t) } else { None }).collect()
}

fn first_generic(ty: &Type) -> Option<&Type> {
    generics(ty).into_iter().next()
}

/// The TypeScript spelling of a Rust argument or result type, as serde sends it.
fn ts_type(ty: &Type) -> String {
    if let Type::Reference(r) = ty {
        return ts_type(&r.elem);
    }
    if let Type::Tuple(t) = ty {
        assert!(t.elems.is_empty(), "tuples do not cross to the window");
        return "null".into();
    }
    let ident = last_ident(ty);
    let inner = || ts_type(first_generic(ty).expect("a generic type names its parameter"));
    match ident.as_str() {
        "String" | "str" | "PathBuf" => "string".into(),
        "bool" => "boolean".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "f32" | "f64" => "number".into(),
        "Value" => "unknown".into(),
        "Option" => format!("{} | null", inner()),
        "Vec" => match inner() {
            t if t.contains(' ') => format!("Array<{t}>"),
            t => format!("{t}[]"),
        },
        // Ids are UUIDs, sent as their text.
        id if id.ends_with("Id") => "string".into(),
        named => match generics(ty).as_slice() {
            [] => named.into(),
            params => format!("{named}<{}>", params.iter().map(|p| ts_type(p)).collect::<Vec<_>>().join(", ")),
        },
    }
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `commands.ts`: the `Commands` map of every registered command, importing the generated
/// types it names.
pub fn render(commands: &[Command]) -> String {
    let mut names = BTreeSet::new();
    for c in commands {
        for ty in c.args.iter().map(|(_, t)| t).chain([&c.result]) {
            names.extend(type_names(ty));
        }
    }
    let mut out = String::from(
        "// Generated from the Rust commands (src-tauri/src/commands) by src-tauri/src/contract.rs. Do not edit.\n",
    );
    if names.remove("Channel") {
        out.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
    }
    for name in &names {
        out.push_str(&format!("import type {{ {name} }} from './{name}';\n"));
    }
    out.push_str("\n/** Every command the window may call: what it sends and what it gets back. */\nexport type Commands = {\n");
    for c in commands {
        let args = if c.args.is_empty() {
            "Record<never, never>".to_string()
        } else {
            format!("{{ {} }}", c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join("; "))
        };
        out.push_str(&format!("  {}: {{ args: {args}; result: {} }};\n", c.name, c.result));
    }
    out.push_str("};\n\nexport type CommandName = keyof Commands;\n");
    out
}

/// The type names a TypeScript type refers to (not its keywords).
fn type_names(ts: &str) -> Vec<String> {
    ts.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && !["Array", "Record"].contains(w))
        .map(str::to_string)
        .collect()
}

/// The registered commands, described from the shell's sources under `src_dir`.
pub fn read(src_dir: &Path) -> Vec<Command> {
    let lib = std::fs::read_to_string(src_dir.join("lib.rs")).expect("lib.rs");
    let mut all = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(src_dir.join("commands")).expect("commands/").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for file in files {
        all.extend(commands_in(&std::fs::read_to_string(&file).expect("command file")));
    }
    registered(&lib)
        .into_iter()
        .map(|name| {
            let at = all.iter().position(|c| c.name == name).unwrap_or_else(|| panic!("command {name} is registered but not found"));
            all.swap_remove(at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_reads_as_the_window_calls_it() {
        let source = r#"
            #[tauri::command(async)]
            pub fn import_bundle(state: State<'_, AppState>, pending: State<'_, Arc<PendingBundle>>, confirm: bool, accept_clock_skew: bool) -> CommandResult<ImportReport> { todo!() }
            #[tauri::command]
            pub async fn export_bundle(app: AppHandle, peer: CopyId, job: String, progress: Channel<Progress>) -> CommandResult<Option<BundleSent>> { todo!() }
            #[tauri::command]
            pub fn list_activities(filter: Filter) -> CommandResult<Page<Activity>> { todo!() }
            #[tauri::command]
            pub fn mapping_targets() -> Vec<TargetChoice> { todo!() }
            fn helper() {}
        "#;
        let commands = commands_in(source);
        assert_eq!(commands.len(), 4);
        assert_eq!(commands[0].args, [("confirm".to_string(), "boolean".to_string()), ("acceptClockSkew".into(), "boolean".into())]);
        assert_eq!(commands[0].result, "ImportReport");
        assert_eq!(commands[1].args[0], ("peer".to_string(), "string".to_string()));
        assert_eq!(commands[1].args[2].1, "Channel<Progress>");
        assert_eq!(commands[1].result, "BundleSent | null");
        assert_eq!(commands[2].result, "Page<Activity>");
        assert_eq!(commands[3].result, "TargetChoice[]");
        let ts = render(&commands);
        assert!(ts.contains("import type { Channel } from '@tauri-apps/api/core';"));
        assert!(ts.contains("import type { Page } from './Page';"));
        assert!(ts.contains("  mapping_targets: { args: Record<never, never>; result: TargetChoice[] };"));
    }

    #[test]
    fn export_bindings_commands() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let commands = read(&src);
        assert!(commands.iter().any(|c| c.name == "save_activity"), "registered commands are read");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("commands.ts"), render(&commands)).unwrap();
    }
}
