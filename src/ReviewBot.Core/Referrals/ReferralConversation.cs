using System.Text.RegularExpressions;
using ReviewBot.Core.Criteria;

namespace ReviewBot.Core.Referrals;

/// <summary>
/// The referral conversation: one question at a time, typed or through cards, with back, skip, help,
/// summary, restart and cancel at any point, and a review where every answer can be changed before submit.
/// A pure state machine: the host loads the draft, calls <see cref="Continue"/>, stores the returned draft
/// and shows the prompts. Nothing here does I/O or logs; no exception carries personal data.
/// </summary>
public sealed partial class ReferralConversation
{
    private const string StaleCard = "That card was for an earlier question. Here's where we are now.";

    private readonly TimeProvider time;

    /// <summary>Creates the conversation; <paramref name="time"/> gives "today" in UK local time.</summary>
    public ReferralConversation(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
    }

    private enum Command
    {
        Answer,
        Back,
        Skip,
        Cancel,
        Help,
        Summary,
        Restart,
        Edit,
        Submit,
        Unknown,
    }

    /// <summary>Starts a referral, with the referrer's details prefilled from their profile.</summary>
    public ReferralTurn Start(ReferralContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profile = context.Referrer;
        var agencyId = context.Board.FindPerson(profile.ObjectId)?.AgencyId;
        var referrer = new Referrer
        {
            ObjectId = profile.ObjectId,
            Name = Blank(profile.Name),
            Email = Blank(profile.Email),
            Role = Blank(profile.JobTitle),
            Phone = Blank(profile.Phone),
            Agency = context.Agencies.FirstOrDefault(a => a.Id == agencyId)?.Name,
        };
        var draft = NewDraft(new Referral { Referrer = referrer }, context);
        return Turn(draft, context, ReferralOutcome.Continue, $"Let's make a referral to {context.Board.Name}. I'll ask one question at a time; it takes a few minutes, and nothing is sent until you submit at the end. {ReferralText.Commands}");
    }

    /// <summary>Takes the person's next input and moves the conversation on.</summary>
    public ReferralTurn Continue(ReferralDraft draft, ReferralInput input, ReferralContext context)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        draft = draft with { UpdatedAt = time.GetUtcNow() };

        if (input.IsCard && input.Value(ReferralValues.DraftId) is { } cardDraft && cardDraft != draft.DraftId)
        {
            return Turn(draft, context, ReferralOutcome.Continue, "That card belongs to an earlier referral. Here's where we are in this one.");
        }

        if (draft.Pending is { } pending)
        {
            return Confirm(draft, pending, input, context);
        }

        var (command, text) = Read(input, draft);
        if (input.IsCard && command is Command.Answer or Command.Skip or Command.Back
            && input.Value(ReferralValues.QuestionId) is { } asked && RetiredSteps.Read(asked) != draft.StepId)
        {
            return Turn(draft, context, ReferralOutcome.Continue, StaleCard);
        }

        return command switch
        {
            Command.Back => Back(draft, context),
            Command.Skip => Skip(draft, context),
            Command.Cancel => Turn(draft with { Pending = PendingConfirmation.Cancel }, context, ReferralOutcome.Continue),
            Command.Restart => Turn(draft with { Pending = PendingConfirmation.Restart }, context, ReferralOutcome.Continue),
            Command.Help => Turn(draft, context, ReferralOutcome.Continue, Help(draft, context)),
            Command.Summary => ShowSummary(draft, context),
            Command.Edit => Edit(draft, text, context),
            Command.Submit => Submit(draft, context),
            Command.Unknown => Turn(draft, context, ReferralOutcome.Continue, "I didn't recognise that button. Here's where we are."),
            _ => Answer(draft, text, input.IsCard, context),
        };
    }

    private static (Command Command, string Text) Read(ReferralInput input, ReferralDraft draft)
    {
        if (input.IsCard)
        {
            return input.Verb switch
            {
                ReferralVerbs.Answer => (Command.Answer, CardAnswer(input)),
                ReferralVerbs.Back => (Command.Back, string.Empty),
                ReferralVerbs.Skip => (Command.Skip, string.Empty),
                ReferralVerbs.Cancel => (Command.Cancel, string.Empty),
                ReferralVerbs.Help => (Command.Help, string.Empty),
                ReferralVerbs.Edit => (Command.Edit, RetiredSteps.Read(input.Value(ReferralValues.StepId) ?? string.Empty)),
                ReferralVerbs.Submit => (Command.Submit, string.Empty),
                _ => (Command.Unknown, string.Empty),
            };
        }

        var text = input.Text ?? string.Empty;
        var edit = EditCommand().Match(AnswerWords.Normalise(text));
        if (edit.Success)
        {
            return (Command.Edit, edit.Groups["n"].Value);
        }

        return (AnswerWords.Normalise(text) switch
        {
            "back" or "go back" or "previous" or "previous question" => Command.Back,
            "skip" or "skip it" or "skip this" or "skip this one" or "skip question" => Command.Skip,
            "cancel" or "cancel referral" or "cancel the referral" or "cancel this referral" or "stop" or "quit" => Command.Cancel,
            "help" or "?" or "commands" or "what can i type" => Command.Help,
            "summary" or "show summary" or "my answers" or "show my answers" or "answers so far" => Command.Summary,
            "restart" or "start again" or "start over" or "begin again" => Command.Restart,
            "submit" or "submit referral" or "submit the referral" or "send referral" or "send the referral" => Command.Submit,
            "send" or "send it" when draft.AtReview => Command.Submit,
            _ => Command.Answer,
        }, text);
    }

    /// <summary>The card's answer: the chosen option, or the words typed under "not listed" when none is chosen.</summary>
    private static string CardAnswer(ReferralInput input)
        => input.Value(ReferralValues.Answer) is { } chosen && !string.IsNullOrWhiteSpace(chosen) ? chosen
            : input.Value(ReferralValues.Other) ?? string.Empty;

    private ReferralTurn Answer(ReferralDraft draft, string text, bool fromCard, ReferralContext context)
    {
        if (draft.AtReview)
        {
            return Turn(draft, context, ReferralOutcome.Continue, "You're at the end. Type submit to send the referral, or edit and a number to change an answer (for example, edit 3).");
        }

        if (Find(draft, context) is not { } step)
        {
            return Recover(draft, context);
        }

        if (text.Trim().Length is var length && length > step.MaxLength)
        {
            // Each question's own limit (its card input's maxLength), before any reading, so no answer costs more.
            return Reask(draft, context, $"That's too long for this answer ({length} characters; the most is {step.MaxLength}). Please shorten it.");
        }

        if (!fromCard && step.Current is { } current && (AnswerWords.IsKeep(text) || (step.Kind != ReferralInputKind.YesNo && AnswerWords.IsConfirming(text))))
        {
            return Apply(draft, step.Answer(current.Value, true), context);
        }

        if (!fromCard && step.Current is null && AnswerWords.IsKeep(text) && !step.ReadsSame)
        {
            return Reask(draft, context, "There's no answer to keep yet: please type one.");
        }

        if (!fromCard && step.Current is not null && step.Kind != ReferralInputKind.YesNo && AnswerWords.IsBareNo(text))
        {
            return Reask(draft, context, step.CanSkip ? "Please type the right answer, or skip to leave it out." : "Please type the right answer.");
        }

        if (string.IsNullOrWhiteSpace(text) || (!fromCard && step.NothingSkips && AnswerWords.IsNothing(text)))
        {
            return step.Skip is { } skip ? Apply(draft, skip(), context) : Reask(draft, context, "This question needs an answer.");
        }

        return Apply(draft, step.Answer(text, fromCard), context);
    }

    private ReferralTurn Skip(ReferralDraft draft, ReferralContext context)
    {
        if (draft.AtReview)
        {
            return Turn(draft, context, ReferralOutcome.Continue, "There's nothing to skip here. Type submit to send the referral, or edit and a number to change an answer.");
        }

        if (Find(draft, context) is not { } step)
        {
            return Recover(draft, context);
        }

        return step.Skip is { } skip
            ? Apply(draft, skip(), context)
            : Reask(draft, context, "This question needs an answer, so it can't be skipped.");
    }

    /// <summary>Stores an accepted answer and moves to the next question; re-asks with the problem otherwise.</summary>
    private ReferralTurn Apply(ReferralDraft draft, StepResult result, ReferralContext context)
    {
        if (result.Updated is not { } referral)
        {
            return Reask(draft, context, result.Problem ?? "Please try that again.");
        }

        var next = ReferralFlow.Resolve(result.Next ?? ReferralFlow.After(draft.StepId, referral, context), referral, context);
        var moved = draft with { Referral = referral };
        moved = draft.Editing is { } edit && !edit.Covers(next)
            ? moved with { StepId = ReferralSteps.Review, History = [.. draft.History.Take(edit.HistoryDepth)], Editing = null }
            : moved with { StepId = next, History = [.. draft.History, draft.StepId] };
        return Turn(moved, context, ReferralOutcome.Continue, [.. result.Notices]);
    }

    private ReferralTurn Back(ReferralDraft draft, ReferralContext context)
    {
        if (draft.Editing is { } edit && draft.History.Count <= edit.HistoryDepth)
        {
            return Turn(draft with { StepId = ReferralSteps.Review, Editing = null }, context, ReferralOutcome.Continue, "No change made.");
        }

        if (draft.History.Count == 0)
        {
            return Turn(draft, context, ReferralOutcome.AlreadyAtStart, "This is the first question, so there's nothing to go back to.");
        }

        return Turn(draft with { StepId = draft.History[^1], History = [.. draft.History.Take(draft.History.Count - 1)] }, context, ReferralOutcome.Continue);
    }

    private ReferralTurn Confirm(ReferralDraft draft, PendingConfirmation pending, ReferralInput input, ReferralContext context)
    {
        var (command, text) = Read(input, draft);
        var asked = input.Value(ReferralValues.QuestionId);
        bool? yes = command == Command.Answer && (asked is null || asked == ConfirmStep(pending)) ? AnswerWords.ReadYesNo(text) : null;
        switch (yes)
        {
            case false:
                return Turn(draft with { Pending = null }, context, ReferralOutcome.Continue, "OK, let's carry on.");
            case true when pending == PendingConfirmation.Cancel:
                return new ReferralTurn(null, [new NoticePrompt("Referral cancelled. Nothing was sent and your answers have been deleted. Type refer to start again.")], ReferralOutcome.Cancelled);
            case true:
                var referrer = draft.Referral.Referrer with { ObjectId = context.Referrer.ObjectId };
                var fresh = NewDraft(new Referral { Referrer = referrer, PanelMember = draft.Referral.PanelMember }, context);
                return Turn(fresh, context, ReferralOutcome.Restarted, "Starting again. I've kept your own details and your agency's panel member; everything else is cleared.");
            default:
                var problem = command == Command.Help
                    ? "Answer yes or no. " + (pending == PendingConfirmation.Cancel ? "Yes deletes this referral; no carries on where you were." : "Yes clears your answers and starts again; no carries on where you were.")
                    : "Please answer yes or no.";
                return Reask(draft, context, problem);
        }
    }

    private ReferralTurn Edit(ReferralDraft draft, string target, ReferralContext context)
    {
        if (!draft.AtReview && draft.Editing is null)
        {
            return Turn(draft, context, ReferralOutcome.Continue, "You can change any answer at the end, when I show you everything. To change the last answer, type back.");
        }

        var items = ReferralSummaryBuilder.Build(draft.Referral, context, draft.DraftId, isReview: true, criteria: null).Items.ToList();
        if (target.Length == 0)
        {
            return Turn(draft, context, ReferralOutcome.Continue, "Which answer? Type edit and its number from the summary, for example edit 3.");
        }

        var item = items.FirstOrDefault(i => i.StepId == target || i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
        if (item is null || Find(draft with { StepId = item.StepId }, context) is null)
        {
            return Turn(draft, context, ReferralOutcome.Continue, $"There's no answer {target} in the summary. Pick a number from 1 to {items.Count}.");
        }

        // Switching from one edit to another keeps the history as it was at the review.
        var depth = draft.Editing?.HistoryDepth ?? draft.History.Count;
        var edit = new SummaryEdit(EditScope(item.StepId, draft.Referral), depth);
        return Turn(draft with { StepId = item.StepId, History = [.. draft.History.Take(depth)], Editing = edit }, context, ReferralOutcome.Continue);
    }

    private ReferralTurn Submit(ReferralDraft draft, ReferralContext context)
    {
        if (!draft.AtReview)
        {
            return Turn(draft, context, ReferralOutcome.Continue, draft.EditingFromSummary
                ? "Please finish changing this answer first, or type back to return to the summary."
                : "You can submit once every question is answered: I'll show you everything to check first.");
        }

        if (ReferralFlow.FirstMissing(draft.Referral, context) is { } missing)
        {
            var editing = draft with { StepId = missing, Editing = new SummaryEdit(missing, draft.History.Count) };
            return Turn(editing, context, ReferralOutcome.Continue, "Before you submit, this question needs an answer.");
        }

        var referral = Settled(draft.Referral, context);
        var submission = new ReferralSubmission(referral, draft.DraftId, draft.StartedAt, Evaluate(referral, context));
        return new ReferralTurn(null, [new NoticePrompt("Thank you. Your referral is being sent to the board.")], ReferralOutcome.SubmitRequested, submission);
    }

    /// <summary>
    /// The referral as submitted: what the form said without asking (a designated safeguarding lead consulted
    /// themselves; a status or plan means the child is known to children's social care) is written down.
    /// </summary>
    private static Referral Settled(Referral r, ReferralContext context)
    {
        var me = r.Referrer;
        var child = r.Child;
        return r with
        {
            Referrer = me with
            {
                ObjectId = me.ObjectId ?? context.Referrer.ObjectId,
                DesignatedSafeguardingLeadConsulted = StepCatalog.IsDesignatedSafeguardingLead(me) ? true : me.DesignatedSafeguardingLeadConsulted,
            },
            Child = StepCatalog.KnownToSocialCareFromForm(child) ? child with { KnownToChildrensSocialCare = true } : child,
        };
    }

    private ReferralTurn ShowSummary(ReferralDraft draft, ReferralContext context)
        => draft.AtReview
            ? Turn(draft, context, ReferralOutcome.Continue)
            : new ReferralTurn(draft, [Summarise(draft, context, isReview: false), .. Prompts(draft, context, null)], ReferralOutcome.Continue);

    private string Help(ReferralDraft draft, ReferralContext context)
    {
        if (draft.AtReview)
        {
            return "This is everything you've told me. Type edit and a number to change an answer (for example, edit 3), or submit to send the referral. You can also type restart or cancel.";
        }

        var step = Find(draft, context);
        var what = step?.Kind switch
        {
            ReferralInputKind.Date => "Type a date, day first: 14/02/2026, 14 Feb 2026, yesterday or last Tuesday.",
            ReferralInputKind.YesNo => "Answer yes or no.",
            ReferralInputKind.Choice => "Type the number of your choice, or its name.",
            ReferralInputKind.MultiChoice => "Type the numbers or names, separated by commas, e.g. 1, 3 and 5.",
            _ => "Type your answer.",
        };
        var skip = step?.CanSkip == true ? " This question is optional: type skip to leave it out." : " This question needs an answer.";
        return $"{what}{skip} {step?.Hint} {ReferralText.Commands}".Replace("  ", " ", StringComparison.Ordinal);
    }

    /// <summary>The draft pointed at a step that no longer exists (e.g. the rulebook changed): continue at the first gap.</summary>
    private ReferralTurn Recover(ReferralDraft draft, ReferralContext context)
    {
        var step = ReferralFlow.FirstMissing(draft.Referral, context) ?? ReferralSteps.Review;
        var resumed = draft with { StepId = step, Editing = null, Pending = null };
        if (!resumed.AtReview && Find(resumed, context) is null)
        {
            resumed = resumed with { StepId = ReferralSteps.Review };
        }

        return new(resumed, [new NoticePrompt("I lost my place in your referral, so let's carry on from here."), .. Prompts(resumed, context, null)], ReferralOutcome.Continue);
    }

    private ReferralTurn Reask(ReferralDraft draft, ReferralContext context, string problem)
        => new(draft, Prompts(draft, context, problem), ReferralOutcome.Continue);

    private ReferralTurn Turn(ReferralDraft draft, ReferralContext context, ReferralOutcome outcome, params string[] notices)
    {
        if (draft.Pending is null && !draft.AtReview && Find(draft, context) is null)
        {
            return Recover(draft, context);
        }

        return new(draft, [.. notices.Select(n => new NoticePrompt(n)), .. Prompts(draft, context, null)], outcome);
    }

    /// <summary>The current question (or confirmation, or the review summary), with a problem when re-asking.</summary>
    private List<ReferralPrompt> Prompts(ReferralDraft draft, ReferralContext context, string? problem)
    {
        if (draft.Pending is { } pending)
        {
            return [ConfirmQuestion(draft, pending, problem)];
        }

        if (draft.AtReview)
        {
            return problem is null ? [Summarise(draft, context, isReview: true)] : [new NoticePrompt(problem), Summarise(draft, context, isReview: true)];
        }

        var step = Find(draft, context)!;
        // Progress counts the form's fixed sections, so it never jumps, repeats a number out of order or changes its total.
        var number = Array.IndexOf(StepCatalog.Sections, step.Section) + 1;
        var total = StepCatalog.Sections.Length;
        return
        [
            new QuestionPrompt
            {
                DraftId = draft.DraftId,
                StepId = step.Id,
                Section = step.Section,
                StepNumber = number,
                TotalSteps = total,
                Text = step.Text,
                Hint = step.Hint,
                Kind = step.Kind,
                Choices = [.. step.Options.Select(o => o.Choice)],
                AllowsOtherText = step.AllowsOtherText,
                Prefill = step.Current?.Value,
                PrefillLabel = step.Current?.Label,
                CanSkip = step.CanSkip,
                CanGoBack = draft.History.Count > 0 || draft.EditingFromSummary,
                MaxLength = step.MaxLength,
                Problem = problem,
            },
        ];
    }

    private static QuestionPrompt ConfirmQuestion(ReferralDraft draft, PendingConfirmation pending, string? problem) => new()
    {
        DraftId = draft.DraftId,
        StepId = ConfirmStep(pending),
        Section = pending == PendingConfirmation.Cancel ? "Cancel the referral" : "Start again",
        StepNumber = 0,
        TotalSteps = 0,
        Text = pending == PendingConfirmation.Cancel
            ? "Do you want to cancel this referral? Your answers will be deleted and nothing will be sent."
            : "Do you want to start again from the first question? Your answers so far will be cleared (your own details are kept).",
        Kind = ReferralInputKind.YesNo,
        Choices = [new(1, "yes", "Yes"), new(2, "no", "No")],
        MaxLength = 40,
        Problem = problem,
    };

    private static string ConfirmStep(PendingConfirmation pending)
        => pending == PendingConfirmation.Cancel ? ReferralSteps.ConfirmCancel : ReferralSteps.ConfirmRestart;

    private SummaryPrompt Summarise(ReferralDraft draft, ReferralContext context, bool isReview)
        => ReferralSummaryBuilder.Build(draft.Referral, context, draft.DraftId, isReview, isReview ? Evaluate(draft.Referral, context) : null);

    private CriteriaOutcome Evaluate(Referral referral, ReferralContext context)
        => context.Rulebook.Evaluate(referral, context.Board, Today(context));

    private Step? Find(ReferralDraft draft, ReferralContext context)
        => StepCatalog.Find(draft.StepId, draft.Referral, context, Today(context));

    /// <summary>
    /// What an edit from the summary walks through: a person's or key date's own questions, the whole loop
    /// when adding, the plan's end after its start, the agencies after the list, newly applicable criteria.
    /// </summary>
    private static string EditScope(string stepId, Referral r)
    {
        if (ReferralSteps.ReadLoop(stepId) is { } loop)
        {
            var count = loop.Loop switch { "family" => r.Family.Count, "plans" => r.Child.ProtectionPlans.Count, _ => r.KeyDates.Count };
            return loop.Index < count ? $"{loop.Loop}.{loop.Index}." : $"{loop.Loop}.";
        }

        return stepId switch
        {
            ReferralSteps.ChildPlanStart => "plans.",
            ReferralSteps.PanelMemberName => "referrer.panel.",
            ReferralSteps.AgenciesChosen or ReferralSteps.AgenciesOther => "agencies.",
            _ when stepId.StartsWith(ReferralSteps.CriteriaPrefix, StringComparison.Ordinal) => ReferralSteps.CriteriaPrefix,
            _ => stepId,
        };
    }

    private ReferralDraft NewDraft(Referral referral, ReferralContext context)
    {
        var now = time.GetUtcNow();
        return new ReferralDraft
        {
            DraftId = Guid.NewGuid().ToString("N"),
            StartedAt = now,
            UpdatedAt = now,
            Referral = referral,
            StepId = ReferralFlow.First(referral, context),
        };
    }

    private DateOnly Today(ReferralContext context) => Boards.BoardTime.Today(context.Board, time.GetUtcNow());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?:edit|change)(?:\s+(?:answer\s+|number\s+)?#?(?<n>\d{1,3}))?$")]
    private static partial Regex EditCommand();
}
