//! The one place OOXML text is written: elements, attributes and text go through quick-xml,
//! which escapes them, and characters XML 1.0 cannot hold are dropped here (a stray control
//! character typed into a note would otherwise make Word "repair" the file).

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

pub(super) struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// A part starting with its XML declaration.
    pub(super) fn new() -> Xml {
        let mut xml = Xml { writer: Writer::new(Vec::with_capacity(4096)) };
        xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))));
        xml
    }

    fn event(&mut self, event: Event) {
        // Writing into a Vec cannot fail.
        self.writer.write_event(event).expect("writing XML to memory");
    }

    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(BytesStart::new(name).with_attributes(attrs.iter().copied())));
    }

    pub(super) fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Empty(BytesStart::new(name).with_attributes(attrs.iter().copied())));
    }

    /// `<name attrs>text</name>`.
    pub(super) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    pub(super) fn text(&mut self, text: &str) {
        let clean: String = text.chars().filter(|&c| xml_char(c)).collect();
        self.event(Event::Text(BytesText::new(&clean)));
    }

    pub(super) fn finish(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}

/// Characters XML 1.0 allows.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_control_characters_dropped() {
        let mut x = Xml::new();
        x.leaf("w:t", &[("a", "\"<&>")], "R&D <b>\u{0B}ok");
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.ends_with("<w:t a=\"&quot;&lt;&amp;&gt;\">R&amp;D &lt;b&gt;ok</w:t>"), "{s}");
    }
}
