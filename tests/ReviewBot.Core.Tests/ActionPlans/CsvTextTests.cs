using ReviewBot.Core.Export;

namespace ReviewBot.Core.Tests.ActionPlans;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("a=b", "a=b")]
    public void Cells_are_quoted_as_RFC_4180_says_and_formulas_are_neutralised(string? value, string expected)
        => Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public void Rows_end_in_CRLF_and_fields_are_comma_separated()
        => Assert.Equal("a,b\r\n\"c,d\",'=e\r\n", CsvText.Write([["a", "b"], ["c,d", "=e"]]));
}
