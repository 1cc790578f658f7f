using System.Text.Json.Nodes;
using ReviewBot.Cards;

namespace ReviewBot.Tests.Cards;

/// <summary>The expander's semantics, each with its expected result written out.</summary>
public sealed class CardTemplateTests
{
    private static JsonNode? Expand(string template, string data) => CardTemplate.Parse("test", template).Expand(JsonNode.Parse(data)).Result;

    [Fact]
    public void A_whole_binding_keeps_the_value_type()
    {
        var result = Expand("""{"n":"${n}","b":"${b}","a":"${a}","o":"${o}"}""", """{"n":4,"b":true,"a":[1,2],"o":{"k":"v"}}""");

        JsonAssert.Equal(JsonNode.Parse("""{"n":4,"b":true,"a":[1,2],"o":{"k":"v"}}"""), result);
    }

    [Fact]
    public void Interpolation_makes_a_string()
    {
        var result = Expand("""{"v":"${n} of ${b}: ${a}","c":"${'const'}","t":"${true}"}""", """{"n":4,"b":true,"a":[1,2]}""");

        JsonAssert.Equal(JsonNode.Parse("""{"v":"4 of true: 1,2","c":"const","t":"true"}"""), result);
    }

    [Fact]
    public void Nested_paths_root_and_index_resolve()
    {
        var result = Expand(
            """{"items":[{"$data":"${people}","text":"${$index}: ${name} of ${$root.board.name} (${$data.roles[0]})"}],"deep":"${board.people[1].name}"}""",
            """{"board":{"name":"Northfield","people":[{"name":"A"},{"name":"B"}]},"people":[{"name":"Ann","roles":["chair"]},{"name":"Bo","roles":["member"]}]}""");

        JsonAssert.Equal(JsonNode.Parse("""{"items":[{"text":"0: Ann of Northfield (chair)"},{"text":"1: Bo of Northfield (member)"}],"deep":"B"}"""), result);
    }

    [Fact]
    public void Data_over_an_array_repeats_the_element_and_over_an_object_rebinds_scope()
    {
        var result = Expand(
            """{"list":[{"$data":"${xs}","v":"${$data}"}],"one":{"$data":"${o}","v":"${k}"},"many":{"$data":"${xs}","v":"${$data}"},"none":{"$data":"${empty}","v":1}}""",
            """{"xs":["a","b"],"o":{"k":"v"},"empty":[]}""");

        JsonAssert.Equal(JsonNode.Parse("""{"list":[{"v":"a"},{"v":"b"}],"one":{"v":"v"},"many":[{"v":"a"},{"v":"b"}],"none":null}"""), result);
    }

    [Fact]
    public void When_drops_the_element_unless_it_is_boolean_true()
    {
        var result = Expand(
            """{"body":[{"$when":"${yes}","v":1},{"$when":"${no}","v":2},{"$when":"${missing}","v":3},{"$when":"${text}","v":4},{"$when":"${not(no)}","v":5}],"prop":{"$when":"${no}","v":6}}""",
            """{"yes":true,"no":false,"text":"true"}""");

        JsonAssert.Equal(JsonNode.Parse("""{"body":[{"v":1},{"v":5}],"prop":null}"""), result);
    }

    [Fact]
    public void Functions_follow_adaptive_expressions()
    {
        var result = Expand(
            """{"if":"${if(flag, 'on', 'off')}","eq":"${equals(n, 3)}","eqText":"${equals(n, '3')}","empty":"${empty(list)}","exists":"${exists(missing)}","count":"${count(list)}","and":"${and(flag, n)}","or":"${or(missing, zero)}"}""",
            """{"flag":true,"n":3,"list":[],"zero":0}""");

        JsonAssert.Equal(JsonNode.Parse("""{"if":"on","eq":true,"eqText":false,"empty":true,"exists":false,"count":0,"and":true,"or":true}"""), result);
    }

    [Fact]
    public void Missing_data_is_left_as_binding_text_and_reported_without_data()
    {
        var expansion = CardTemplate.Parse("test", """{"body":[{"text":"Hello ${who}, ${name}"}],"whole":"${gone.deeper}"}""").Expand(JsonNode.Parse("""{"name":"Secret Person"}"""));

        JsonAssert.Equal(JsonNode.Parse("""{"body":[{"text":"Hello ${who}, Secret Person"}],"whole":"${gone.deeper}"}"""), expansion.Result);
        Assert.Equal(new[] { new CardBindingProblem("/body/0/text", "who"), new CardBindingProblem("/whole", "gone.deeper") }, expansion.Unresolved);
    }

    [Fact]
    public void User_text_is_never_evaluated()
    {
        const string typed = "${secret} ${$root.secret} \\${x} `q` {y}";

        var result = Expand("""{"a":"${text}","b":"Said: ${text}"}""", $$"""{"text":{{System.Text.Json.JsonSerializer.Serialize(typed)}},"secret":"LEAKED"}""");

        Assert.Equal(typed, (string?)result!["a"]);
        Assert.Equal("Said: " + typed, (string?)result["b"]);
    }

    [Fact]
    public void Arrays_drop_nulls_and_flatten_while_objects_keep_nulls()
    {
        var result = Expand("""{"a":[null,"${n}",[1,[2]],"${xs}"],"o":{"k":null,"m":"${n}"}}""", """{"n":null,"xs":[3,4]}""");

        JsonAssert.Equal(JsonNode.Parse("""{"a":[1,2,3,4],"o":{"k":null,"m":null}}"""), result);
    }

    [Fact]
    public void Escaped_binding_is_literal_text()
    {
        var result = Expand("""{"v":"\\${name} is ${name}"}""", """{"name":"Ann"}""");

        Assert.Equal("${name} is Ann", (string?)result!["v"]);
    }

    [Theory]
    [InlineData("""{"v":"${a + b}"}""", "Unsupported syntax")]
    [InlineData("""{"v":"${toUpper(a)}"}""", "not supported")]
    [InlineData("""{"v":"${a"}""", "without a matching")]
    [InlineData("""{"v":"x ` ${a}"}""", "backtick")]
    [InlineData("""{"v":"${json({a:1})}"}""", "object literals")]
    [InlineData("""{"v":"${if(a, b)}"}""", "takes 3")]
    public void Syntax_outside_the_subset_is_rejected_when_parsing(string template, string message)
    {
        var e = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("broken", template));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("/v", e.Message, StringComparison.Ordinal);
        Assert.Equal("broken", e.CardName);
    }

    [Fact]
    public void Interpolating_null_fails_like_the_official_engine_and_names_no_data()
    {
        var template = CardTemplate.Parse("test", """{"body":[{"text":"Child: ${child} (${age})"}]}""");

        var e = Assert.Throws<CardTemplateException>(() => template.Expand(JsonNode.Parse("""{"child":"Secret Person","age":null}""")));

        Assert.Equal("/body/0/text", e.Location);
        Assert.Equal("age", e.Expression);
        Assert.DoesNotContain("Secret Person", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_card()
    {
        var e = Assert.Throws<CardTemplateException>(() => CardTemplate.Parse("broken", "{\"type\":"));

        Assert.Contains("broken", e.Message, StringComparison.Ordinal);
    }
}
