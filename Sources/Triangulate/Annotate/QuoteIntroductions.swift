import TriangulateText

// Where a quotation's speaker is looked for beyond its own sentence: the next sentence after a question, and the
// paragraph before, when it ends by introducing the quotation.
extension QuoteAttributor {
    /// Where the words after a quote's closing mark may name its speaker: the end of the sentence holding the mark,
    /// or of the next one when the quotation ends in "?" or "!" and its sentence ends at the mark.
    func attributionLimit(_ span: QuoteSpan, _ sentence: Range<Int>, _ paragraph: Paragraph) -> Int {
        guard sentence.upperBound == span.close + 1, span.close >= 1,
            paragraph.isPunct(span.close - 1, 0x3F) || paragraph.isPunct(span.close - 1, 0x21),
            let index = paragraph.sentenceIndex(containing: sentence.upperBound),
            paragraph.sentences[index].lowerBound == sentence.upperBound,
            // `“Why?” “He told me to leave.”`: the next sentence is another quotation, not an attribution.
            paragraph.quote(containing: sentence.upperBound) == nil, paragraph.tokens[sentence.upperBound].kind == .word
        else { return sentence.upperBound }
        return paragraph.sentences[index].upperBound
    }

    /// A paragraph ending in a colon, or in a comma at most three tokens after a speech verb, introduces the
    /// quotation that makes up the next paragraph.
    func introduces(_ paragraph: Paragraph, at last: Int) -> Bool {
        if paragraph.isPunct(last, 0x3A) { return true }
        guard paragraph.isPunct(last, 0x2C) else { return false }
        return (max(0, last - 3)..<last).contains { index in
            paragraph.tokens[index].kind == .word && lexicon.speechVerbs.contains(paragraph.lower(index))
        }
    }
}
