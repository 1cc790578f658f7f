using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Outlook;
using ReviewBot.Testing;
using ReviewBot.Tests.Cards;

namespace ReviewBot.Tests.Outlook;

/// <summary>
/// The Outlook forms of the cards, rendered by <see cref="OutlookActionableMessages"/> from every data set
/// the Teams decision card is tested with, each run once through the official JS libraries at 1.4.
/// </summary>
public sealed class OutlookCardsFixture
{
    public const string OriginatorId = "6c1f4b2e-8d3a-4f5e-9b7c-2a1d0e9f8c7b";

    /// <summary>The cards mailed as actionable messages (<see cref="OutlookActionableMessages.MailedPurposes"/>).</summary>
    public static readonly IReadOnlyList<string> MailedForms = [CardNames.Decision, CardNames.ImrRequest];

    public OutlookCardsFixture()
    {
        var composer = Composer(OriginatorId);
        var renderer = new CardRenderer(Options.Create(new CardRenderingOptions { Folder = OutlookFolder }));
        var templates = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var name in MailedForms)
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(OutlookFolder, name + ".json")))!;
            foreach (var (_, variant, model) in MaximumCardData.All().Where(m => m.Card == name))
            {
                Cards[$"{name} maximum {variant}"] = composer.Card(model);
                templates[$"{name} maximum {variant}"] = template;
            }

            foreach (var file in Directory.GetFiles(CardCases.ExtraDataFolder, name + ".*.json").Append(Path.Combine(RepositoryPaths.Cards, name + ".data.json")))
            {
                var data = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                data["originator"] = OriginatorId;
                Data[Path.GetFileName(file)] = data;
                Cards[Path.GetFileName(file)] = renderer.Render(name, data);
                templates[Path.GetFileName(file)] = template;
            }
        }

        // Every other Outlook form (answers to Outlook invokes) with the sample data beside it.
        var forms = Directory.GetFiles(OutlookFolder, "*.json").Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal) && !MailedForms.Contains(Path.GetFileNameWithoutExtension(f)))
            .Select(f => (Id: "form " + Path.GetFileNameWithoutExtension(f), Template: JsonNode.Parse(File.ReadAllText(f))!, Data: JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(f, ".data.json")))!))
            .ToList();
        foreach (var form in forms)
        {
            Cards[form.Id] = renderer.Render(form.Id["form ".Length..], form.Data.DeepClone());
        }

        var tooNew = Cards["decision.data.json"].DeepClone();
        tooNew["body"]![0]!["isVisible"] = true;
        tooNew["refresh"]!["action"]!["isEnabled"] = true; // Adaptive Cards 1.5
        Official = OfficialAdaptiveCards.Run(
            templates.Select(t => new OfficialRequest(t.Key, t.Value, Data.GetValueOrDefault(t.Key), Cards[t.Key], Version: "1.4"))
                .Concat(forms.Select(f => new OfficialRequest(f.Id, f.Template, f.Data, Cards[f.Id], Version: "1.4")))
                .Append(new OfficialRequest("too new", templates["decision.data.json"], null, tooNew, Version: "1.4")));
    }

    public static string OutlookFolder => Path.Combine(RepositoryPaths.Cards, OutlookActionableMessages.Folder);

    internal Dictionary<string, JsonObject> Cards { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, JsonNode> Data { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyDictionary<string, OfficialResult> Official { get; }

    public static OutlookActionableMessages Composer(string? originatorId) => new(
        Options.Create(new OutlookOptions { OriginatorId = originatorId }),
        Options.Create(new CardRenderingOptions { Folder = RepositoryPaths.Cards }));
}

public sealed class OutlookCardTests(OutlookCardsFixture outlook) : IClassFixture<OutlookCardsFixture>
{
    public static TheoryData<string> Ids => ["decision maximum actor", "decision maximum status", "decision.data.json", "decision.made.json", "decision.overdue.json",
        "imr-request maximum business-manager", "imr-request.data.json"];

    public static TheoryData<string> OtherForms => ["form not-authorised", "form message"];

    [Theory]
    [MemberData(nameof(OtherForms))]
    public void The_forms_that_answer_Outlook_invokes_are_1_4_with_the_originator_and_expand_as_the_official_library_does(string id)
    {
        var official = outlook.Official[id];

        Assert.Empty(official.ParseErrors);
        Assert.Empty(official.ValidationErrors);
        Assert.Equal("1.4", (string?)outlook.Cards[id]["version"]);
        Assert.Equal(OutlookCardsFixture.OriginatorId, (string?)outlook.Cards[id]["originator"]);
        JsonAssert.Equal(official.Expanded, outlook.Cards[id]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_Outlook_form_validates_with_the_official_library_at_1_4(string id)
    {
        var official = outlook.Official[id];

        Assert.Empty(official.ParseErrors);
        Assert.Empty(official.ValidationErrors);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_Outlook_form_is_version_1_4_with_the_originator_and_Action_Execute_only(string id)
    {
        var card = outlook.Cards[id];

        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal(OutlookCardsFixture.OriginatorId, (string?)card["originator"]);
        var actions = CardRules.Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("Action.Execute", (string?)a["type"]));
        Assert.DoesNotContain(CardRules.Objects(card), o => o.ContainsKey("fallback") || o.ContainsKey("msteams"));
        Assert.DoesNotContain(CardRules.Strings(card), s => s.Contains("${", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Outlook_refreshes_on_open_so_the_form_asks_for_the_readers_own_view(string id)
    {
        var refresh = outlook.Cards[id]["refresh"]!;

        Assert.Equal(CardVerbs.CaseRefresh, (string?)refresh["action"]!["verb"]);
        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Null(refresh["userIds"]); // Outlook ignores it and refreshes for every reader
    }

    [Theory]
    [InlineData("decision.data.json")]
    [InlineData("decision.made.json")]
    [InlineData("imr-request.data.json")]
    public void The_official_templating_expands_the_Outlook_form_as_the_bot_does(string id)
    {
        JsonAssert.Equal(outlook.Official[id].Expanded, outlook.Cards[id]);
    }

    [Fact]
    public void The_1_4_check_catches_a_1_5_property()
    {
        Assert.NotEmpty(outlook.Official["too new"].ParseErrors.Concat(outlook.Official["too new"].ValidationErrors));
    }

    [Fact]
    public void The_actor_and_status_views_differ_in_whether_they_offer_the_decision()
    {
        static IEnumerable<string?> Verbs(JsonObject card) => CardRules.Objects(card["body"]).Select(o => (string?)o["verb"]).Where(v => v is not null);

        Assert.Equal([CardVerbs.DecisionApprove, CardVerbs.DecisionDecline, CardVerbs.DecisionMoreInfo], Verbs(outlook.Cards["decision maximum actor"]));
        Assert.Empty(Verbs(outlook.Cards["decision maximum status"]));
    }

    [Fact]
    public void The_IMR_cards_Outlook_form_lets_the_author_confirm_independence_and_mark_submitted_and_refreshes_that_agencys_card()
    {
        var card = outlook.Cards["imr-request.data.json"];

        var verbs = CardRules.Objects(card["body"]).Select(o => (string?)o["verb"]).OfType<string>().ToList();
        Assert.Contains(CardVerbs.ImrIndependence, verbs);
        Assert.Contains(CardVerbs.ImrSubmit, verbs);
        Assert.Contains(CardRules.Objects(card["body"]), o => (string?)o["id"] == "confirmed");
        Assert.Contains(CardRules.Objects(card["body"]), o => (string?)o["id"] == "documentUrl");
        Assert.Equal("imr:police", (string?)card["refresh"]!["action"]!["data"]!["card"]);
    }

    [Fact]
    public void The_IMR_cards_Outlook_form_is_its_Teams_form_at_1_4_without_fallbacks_or_refresh_user_ids_or_the_chronology_button()
    {
        // Kept in step by hand: a change to cards/imr-request.json must be made to cards/outlook/imr-request.json too.
        var teams = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Cards, "imr-request.json")))!.AsObject();
        foreach (var o in CardRules.Objects(teams).ToList())
        {
            o.Remove("fallback");
        }

        // The chronology form is posted as a new Teams message, which an actionable message cannot do: Teams only.
        var body = teams["body"]!.AsArray();
        body.Remove(body.Single(b => (string?)b!["$when"] == "${canAddChronology}"));
        teams["version"] = "1.4";
        teams["originator"] = "${originator}";
        teams["refresh"]!.AsObject().Remove("userIds");

        JsonAssert.Equal(teams, JsonNode.Parse(File.ReadAllText(Path.Combine(OutlookCardsFixture.OutlookFolder, "imr-request.json"))));
    }

    [Fact]
    public void The_mail_body_carries_the_card_in_a_script_element_in_the_head()
    {
        var card = outlook.Cards["decision.data.json"];
        card["body"]![0]!["text"] = "Rationale </script><script>alert(1)</script> & <b>";

        var html = OutlookActionableMessages.HtmlBody(card, "Decision needed on SCR-2026-0007 <open in Outlook>");

        var match = Regex.Match(html, "<head>.*<script type=\"application/adaptivecard\\+json\">(?<json>.*?)</script>.*</head><body>(?<body>.*)</body>", RegexOptions.Singleline);
        Assert.True(match.Success, html);
        JsonAssert.Equal(card, JsonNode.Parse(match.Groups["json"].Value));
        Assert.Equal(1, Regex.Count(html, "</script>"));
        Assert.Contains("&lt;open in Outlook&gt;", match.Groups["body"].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_originator_nothing_is_rendered_for_Outlook()
    {
        var composer = OutlookCardsFixture.Composer(null);

        Assert.False(composer.IsEnabled);
        Assert.Throws<InvalidOperationException>(() => composer.DecisionCard((DecisionCard)MaximumCardData.All().First(m => m.Card == CardNames.Decision).Model));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData(OutlookCardsFixture.OriginatorId, true)]
    [InlineData("not-a-guid", false)]
    [InlineData("{6c1f4b2e-8d3a-4f5e-9b7c-2a1d0e9f8c7b}", false)]
    public void Start_up_checks_the_originator_id_is_a_guid_when_set(string? originatorId, bool valid)
    {
        var settings = new Dictionary<string, string?> { ["Outlook:OriginatorId"] = originatorId };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddOutlookOptions(configuration).BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<OutlookOptions>>().Value;

        if (valid)
        {
            Assert.Equal(!string.IsNullOrEmpty(originatorId), read().IsEnabled);
        }
        else
        {
            var e = Assert.Throws<OptionsValidationException>(read);
            Assert.Contains("Outlook:OriginatorId must be", e.Message, StringComparison.Ordinal);
        }
    }
}
