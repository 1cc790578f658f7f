using ReviewBot.Cards;
using ReviewBot.Cards.Models;
using ReviewBot.Core.Cases;

namespace ReviewBot.Tests.Cards;

public sealed class ViewModelTests
{
    private static readonly CaseReference CaseRef = CaseReference.Create(RulebookKind.Scr, 2026, 7);

    [Fact]
    public void The_checklist_shows_open_tasks_first_in_their_order_and_counts_the_rest()
    {
        var tasks = Enumerable.Range(1, CardLimits.ChecklistTasks + 5)
            .Select(i => new FollowUpTaskView($"t{i}", $"Task {i}", "Business manager", "Wed 18 Mar 2026", DoneAt: i <= 10 ? "Tue 17 Mar 2026" : null))
            .ToList();

        var card = new FollowUpChecklistCard(CaseRef, 3, tasks);

        Assert.Equal(CardLimits.ChecklistTasks, card.Tasks.Count);
        Assert.Equal(5, card.NotShown);
        Assert.All(tasks.Where(t => !t.Done), t => Assert.Contains(t, card.Tasks));
        Assert.Equal(card.Tasks.OrderBy(t => int.Parse(t.TaskId[1..], System.Globalization.CultureInfo.InvariantCulture)), card.Tasks);
    }

    [Fact]
    public void A_short_checklist_is_shown_whole()
    {
        var tasks = new[] { new FollowUpTaskView("a", "A", "Chair", "Mon"), new FollowUpTaskView("b", "B", "Chair", "Mon", "Tue", "Sam") };

        var card = new FollowUpChecklistCard(CaseRef, 3, tasks);

        Assert.Equal(tasks, card.Tasks);
        Assert.Equal(0, card.NotShown);
        Assert.True(card.Tasks[1].Done);
    }

    [Fact]
    public void Long_narratives_and_answers_are_previews()
    {
        var text = string.Join(' ', Enumerable.Repeat("chronology", 2000));

        var answer = new SummaryAnswer("Summary", text, "summary");
        var made = new RecommendationMade { KindText = "SCR", Rationale = text, By = "Chair", At = "Mon" };

        Assert.True(answer.Value.Length <= CardLimits.AnswerPreview);
        Assert.True(made.Rationale.Length <= CardLimits.Rationale);
    }

    [Fact]
    public void The_whole_account_a_person_can_give_is_on_the_digest_in_paragraphs()
    {
        // 4,000 characters is the most the question card and a typed answer take.
        var longest = string.Join(' ', Enumerable.Repeat("chronology", 400))[..MaximumCardData.LongestAccount] + "\n\nLast paragraph.";

        var digest = ReferralDigest.Of("Child A", longest, "Riverside Police", "Rita Referrer");

        Assert.Equal(longest.Replace("\n\n", " ", StringComparison.Ordinal), string.Join(' ', digest.Account));
        Assert.All(digest.Account, p => Assert.True(p.Length <= CardLimits.TextBlock));
        Assert.DoesNotContain(digest.Account, p => p.Contains(CardText.ContinuesMarker, StringComparison.Ordinal));
    }

    [Fact]
    public void Once_decided_the_account_gives_way_with_a_visible_marker()
    {
        var digest = ReferralDigest.Of("Child A", string.Join(' ', Enumerable.Repeat("chronology", 400)), "Riverside Police", "Rita Referrer");

        var brief = digest.InBrief();

        Assert.True(brief.Account.Sum(p => p.Length) <= CardLimits.AccountPreview);
        Assert.EndsWith(CardText.ContinuesMarker, brief.Account[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_answer_can_be_chosen_for_editing()
    {
        var card = new ReferralSummaryCard(
            "draft-1",
            [new SummarySection("A", [new SummaryAnswer("Name", "Sam", "referrer-name")]), new SummarySection("B", [new SummaryAnswer("Died?", "No", "child-died")])],
            new CriteriaOutcomeView("Consider", "Consider a review.", [], []));

        Assert.Equal([new ChoiceView("Name", "referrer-name"), new ChoiceView("Died?", "child-died")], card.EditChoices);
    }
}
