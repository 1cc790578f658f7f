using System.Globalization;
using System.Text.RegularExpressions;
using ReviewBot.Core.Cases;
using ReviewBot.Core.Criteria;
using ReviewBot.Core.Dates;

namespace ReviewBot.Core.Referrals;

/// <summary>
/// Every question of the referral (domain.md, "Forms: Referral"): its words, how an answer is read and
/// checked, and where it goes in the <see cref="Referral"/>.
/// </summary>
internal static partial class StepCatalog
{
    public const string AboutYou = "About you";
    public const string TheChild = "The child";
    public const string FamilySection = "Family and significant others";
    public const string AgenciesSection = "Agencies involved";
    public const string WhatHappened = "What happened";
    public const string KeyDatesSection = "Key dates";
    public const string CriteriaSection = "The criteria";

    /// <summary>The form's sections in order: progress is shown as "Part 2 of 7".</summary>
    public static readonly string[] Sections = [AboutYou, TheChild, FamilySection, AgenciesSection, WhatHappened, KeyDatesSection, CriteriaSection];

    /// <summary>Most people or key dates one referral takes; more belong in the summary.</summary>
    public const int MaxLoopEntries = 30;

    private const int LineLength = 200;
    private const int LongTextLength = 10_000;
    private const string Required = "This question needs an answer.";

    private static readonly IReadOnlyList<ChoiceOption> YesNoOptions =
        [new(new(1, "yes", "Yes"), []), new(new(2, "no", "No"), [])];

    private static readonly IReadOnlyList<ChoiceOption> IncidentOptions =
    [
        new(new(1, nameof(IncidentKind.Died), "The child died (including suspected suicide)"), ["death", "dead", "passed away", "deceased", "suicide", "killed"]),
        new(new(2, nameof(IncidentKind.SeriouslyHarmed), "The child was seriously harmed"), ["serious harm", "seriously harmed", "serious injury"]),
        new(new(3, nameof(IncidentKind.Harmed), "The child was harmed, but not seriously"), ["not seriously", "not serious", "not seriously harmed", "minor injury", "minor harm"]),
    ];

    private static readonly IReadOnlyList<ChoiceOption> LegalStatusOptions =
    [
        new(new(1, "looked-after", "Looked after by the local authority"), ["lac", "cla", "looked after child", "child looked after", "in care", "care order", "looked after"]),
        new(new(2, "child-in-need", "Child in need"), ["cin", "s17", "section 17", "in need"]),
        new(new(3, "protection-plan", "Subject to a child protection plan"), ["cp", "cpp", "cp plan", "child protection", "protection plan", "on a plan", "s47"]),
        new(new(4, "none", "None of these"), ["none", "not applicable", "n/a", "no status", "nothing"]),
    ];

    private static readonly IReadOnlyList<ChoiceOption> ReviewProcessOptions =
    [
        new(new(1, nameof(ReviewProcess.DomesticHomicideReview), "A domestic homicide review"), ["dhr", "domestic homicide", "domestic homicide review"]),
        new(new(2, nameof(ReviewProcess.ChildDeathReview), "A child death review"), ["cdr", "child death", "child death review", "cdop"]),
        new(new(3, nameof(ReviewProcess.CriminalProceedings), "Criminal proceedings"), ["criminal", "court", "prosecution", "police investigation", "criminal proceedings"]),
    ];

    /// <summary>The step <paramref name="id"/> bound to the answers so far, or null when there is no such step now.</summary>
    public static Step? Find(string id, Referral r, ReferralContext ctx, DateOnly today)
    {
        if (ReferralSteps.ReadLoop(id) is { } loop)
        {
            var count = LoopCount(loop.Loop, r);
            var exists = loop.Index < count || (loop.Index == count && loop.Part is "name" or "date" or "start");
            if (!exists || loop.Index >= MaxLoopEntries)
            {
                return null;
            }

            return loop.Loop switch
            {
                "family" => Family(loop.Index, loop.Part, r, today),
                "plans" => Plans(loop.Index, loop.Part, r, today),
                _ => KeyDates(loop.Index, loop.Part, r, today),
            };
        }

        if (id.StartsWith(ReferralSteps.CriteriaPrefix, StringComparison.Ordinal))
        {
            return CriteriaStep(id[ReferralSteps.CriteriaPrefix.Length..], r, ctx.Rulebook);
        }

        return id switch
        {
            ReferralSteps.ReferrerName or ReferralSteps.ReferrerAgency or ReferralSteps.ReferrerRole or ReferralSteps.ReferrerPhone
                or ReferralSteps.ReferrerEmail or ReferralSteps.ReferrerDsl => Referrer(id, r, ctx),
            ReferralSteps.PanelMemberName or ReferralSteps.PanelMemberPhone or ReferralSteps.PanelMemberEmail => PanelMemberStep(id, r),
            ReferralSteps.AgenciesChosen or ReferralSteps.AgenciesOther or ReferralSteps.AgenciesStillInvolved => Agencies(id, r, ctx),
            ReferralSteps.OtherReviews => OtherReviews(r),
            ReferralSteps.Request => Request(r, ctx),
            ReferralSteps.Events => Text(id, WhatHappened, "Briefly, what happened?", "What is known about the incident, and why you are concerned about how agencies worked together. Several sentences are fine.", r.Summary, v => r with { Summary = v }, max: LongTextLength, kind: ReferralInputKind.LongText),
            ReferralSteps.Narrative => Text(id, CriteriaSection, "In your own words, how does this case meet the criteria for a review?", "The board's referral form asks this of every referral. Include anything the sub-group should weigh, and anything you were unsure about.", r.CriteriaNarrative, v => r with { CriteriaNarrative = v }, max: LongTextLength, kind: ReferralInputKind.LongText),
            _ => ChildStep(id, r, today),
        };
    }

    /// <summary>
    /// The child's name for the one question that confirms it (date of birth) and for problems about dates,
    /// without any alias given in brackets; "the child" before it is known. Other questions say "the child".
    /// </summary>
    public static string ChildCalled(Referral r)
    {
        var name = r.Child.Name is { } n ? Alias().Replace(n, string.Empty).Trim() : null;
        return string.IsNullOrWhiteSpace(name) ? "the child" : name;
    }

    /// <summary>True when the referrer's role says they are a designated safeguarding lead: they are not asked whether they talked to one.</summary>
    public static bool IsDesignatedSafeguardingLead(Referrer me)
        => me.Role is { } role && (DslWords().IsMatch(role));

    /// <summary>True when the form already says the child is known to children's social care (a status or a plan period).</summary>
    public static bool KnownToSocialCareFromForm(Child child)
        => child.ProtectionPlans.Count > 0
            || LegalStatusOptions.Any(o => o.Choice.Value != "none" && o.Choice.Label == child.LegalStatus);

    /// <summary>True when the child's legal status is a child protection plan now.</summary>
    private static bool OnAPlanNow(Child child) => child.LegalStatus == LegalStatusOptions.First(o => o.Choice.Value == "protection-plan").Choice.Label;

    private static int LoopCount(string loop, Referral r) => loop switch
    {
        "family" => r.Family.Count,
        "plans" => r.Child.ProtectionPlans.Count,
        _ => r.KeyDates.Count,
    };

    /// <summary>
    /// Keeps only the criteria answers whose question still applies, given the rest of the form (a death
    /// recorded on the form answers "has the child died?"), so an edited answer never leaves stale ones.
    /// </summary>
    public static Dictionary<string, bool> Prune(IReadOnlyDictionary<string, bool> answers, Referral r, Rulebook rulebook)
    {
        var mapped = rulebook.WithRetiredAnswersMapped(answers);
        var applicable = rulebook.AnswersFor(r with { CriteriaAnswers = mapped });
        return mapped.Where(a => applicable.ContainsKey(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }

    private static Step Referrer(string id, Referral r, ReferralContext ctx)
    {
        var me = r.Referrer;
        Referral Set(Referrer changed) => r with { Referrer = changed };
        return id switch
        {
            ReferralSteps.ReferrerName => Text(id, AboutYou, "What is your name?", "Your full name, as colleagues know you.", me.Name, v => Set(me with { Name = v })),
            ReferralSteps.ReferrerAgency => ReferrerAgency(r, ctx),
            ReferralSteps.ReferrerRole => Text(id, AboutYou, "What is your role or job title?", "For example: designated safeguarding lead, social worker, health visitor, head teacher.", me.Role, v => Set(me with { Role = v })),
            ReferralSteps.ReferrerPhone => Text(id, AboutYou, "What phone number can the board reach you on?", "Include the area code, e.g. 020 7946 0000 or 07700 900123. Type skip if you'd rather be contacted by email.", me.Phone, v => Set(me with { Phone = v }), optional: true, max: 40, check: CheckPhone),
            ReferralSteps.ReferrerEmail => Text(id, AboutYou, "What is your work email address?", "For example name@agency.gov.uk.", me.Email, v => Set(me with { Email = v }), max: 254, check: CheckEmail),
            _ => YesNo(id, AboutYou, "Have you talked to your agency's designated safeguarding lead about this referral?", "Your designated safeguarding lead should know about every referral you make.", me.DesignatedSafeguardingLeadConsulted, v => Set(me with { DesignatedSafeguardingLeadConsulted = v }), optional: false, noticeIfNo: "Please tell your designated safeguarding lead about this referral as soon as you can."),
        };
    }

    private static Step ReferrerAgency(Referral r, ReferralContext ctx)
    {
        var options = AgencyOptions(ctx);
        var stored = r.Referrer.Agency;
        var known = ctx.Agencies.FirstOrDefault(a => string.Equals(a.Name, stored, StringComparison.OrdinalIgnoreCase));
        Referral Set(string? agency) => r with { Referrer = r.Referrer with { Agency = agency } };
        return Choice(
            ReferralSteps.ReferrerAgency, AboutYou, "Which agency do you work for?",
            options.Count > 0 ? "Choose it from the list. If your agency isn't listed, type its name." : "The organisation you work for, e.g. the school, trust or council.",
            options, stored is null ? null : (known?.Id ?? stored, stored), "agency", allowOther: true,
            (choice, other) => StepResult.Ok(Set(choice is null ? other : ctx.Agencies.First(a => a.Id == choice.Value).Name)));
    }

    private static Step? ChildStep(string id, Referral r, DateOnly today)
    {
        var child = r.Child;
        var called = ChildCalled(r);
        Referral Set(Child changed) => r with { Child = changed };
        return id switch
        {
            ReferralSteps.ChildName => Text(id, TheChild, "What is the child's full name?", "First name and surname. If the child is known by another name, add it in brackets.", child.Name, v => Set(child with { Name = v })),
            ReferralSteps.ChildDateOfBirth => Date(id, TheChild, $"What is {called}'s date of birth?", "Day, month, year (dd/mm/yyyy): for example 14/02/2016.", child.DateOfBirth, v => Set(child with { DateOfBirth = v }), today, d => CheckBirth(d, r, today)),
            ReferralSteps.ChildIncident => Choice(id, TheChild, "Did the child die, or were they harmed, and if so was it serious?", "Seriously harmed includes a potentially life-threatening injury, or serious or likely long-term harm to health or development. Recovery doesn't mean there was no serious harm.", IncidentOptions, child.Incident is { } kind ? (kind.ToString(), IncidentOptions.First(o => o.Choice.Value == kind.ToString()).Choice.Label) : null, "answer", allowOther: false, (choice, _) => StepResult.Ok(Set(child with { Incident = Enum.Parse<IncidentKind>(choice!.Value) }))),
            ReferralSteps.ChildIncidentDate => Date(id, TheChild, child.Incident == IncidentKind.Died ? "When did the child die?" : "When was the child harmed?", "Day, month, year (dd/mm/yyyy): for example 14/02/2026, or 'yesterday' or 'last Tuesday'.", child.IncidentDate, v => Set(child with { IncidentDate = v }), today, d => CheckIncident(d, r, today)),
            ReferralSteps.LocalAuthorityAware => Date(id, TheChild, "When did the local authority become aware of the incident?", "This starts the 5-working-day count for notifying the national Panel. Type skip if you don't know: the count then starts today.", r.LocalAuthorityBecameAware, v => r with { LocalAuthorityBecameAware = v }, today, d => d > today ? "That date is in the future. Please check it." : child.IncidentDate is { } incident && d < incident ? $"The local authority can't have become aware before the incident ({UkDateParser.Format(incident)})." : null, optional: true),
            ReferralSteps.ChildIncidentPlace => Text(id, TheChild, child.Incident == IncidentKind.Died ? "Where did the child die?" : "Where did it happen?", "The place and the town, e.g. at home, Riverside General Hospital, a friend's house in Leeds, or abroad (say which country). Type skip if not known.", child.IncidentPlace, v => Set(child with { IncidentPlace = v }), optional: true, max: 300),
            ReferralSteps.ChildAddress => Text(id, TheChild, "What is the child's address?", "Where the child lived at the time, with the postcode. If they had no fixed address, say so.", child.Address, v => Set(child with { Address = v }), max: 300),
            ReferralSteps.ChildEthnicity => Text(id, TheChild, "What is the child's ethnicity?", "As your agency records it, e.g. White British, Black Caribbean, Mixed White and Asian. Type skip if not known.", child.Ethnicity, v => Set(child with { Ethnicity = v }), optional: true),
            ReferralSteps.ChildLanguage => Text(id, TheChild, "Which languages are spoken at the child's home?", "All of them, e.g. English and Polish. Type skip if not known.", child.LanguagesSpokenAtHome, v => Set(child with { LanguagesSpokenAtHome = v }), optional: true),
            ReferralSteps.ChildReligion => Text(id, TheChild, "What is the child's religion, if any?", "Type skip if not known.", child.Religion, v => Set(child with { Religion = v }), optional: true),
            ReferralSteps.ChildLegalStatus => Choice(id, TheChild, "What was the child's legal status at the time?", "Choose one, or describe it in your own words.", LegalStatusOptions, child.LegalStatus is { } status ? (LegalStatusOptions.FirstOrDefault(o => o.Choice.Label == status)?.Choice.Value ?? status, status) : null, "status", allowOther: true, (choice, other) => StepResult.Ok(Set(child with { LegalStatus = choice?.Label ?? other }))),
            ReferralSteps.ChildKnownToSocialCare => YesNo(id, TheChild, "Is the child known to children's social care?", "Type skip if you don't know.", child.KnownToChildrensSocialCare, v => Set(child with { KnownToChildrensSocialCare = v }), optional: true),
            _ => null,
        };
    }

    // Loop steps borrow a builder's wording and prefill, then replace how an answer or a skip applies:
    // an answer puts entry i in place, a skip removes it and leaves the loop.
    private static Step Family(int i, string part, Referral r, DateOnly today)
    {
        var family = r.Family;
        if (part == "name")
        {
            var existing = i < family.Count ? family[i] : null;
            return Text(
                ReferralSteps.FamilyName(i), FamilySection,
                i == 0 && existing is null ? "Are there family members or other significant people in the child's life to record? Type the first person's name, or skip if there is nobody to add."
                    : existing is null ? "What is the next person's name?" : $"What is the name of person {i + 1}?",
                existing is null ? "One person at a time: I'll ask how they are related to the child next." : "Type skip to remove this person.",
                existing?.Name, v => r, nothingSkips: existing is null) with
            {
                Answer = (text, _) => CheckLine(text, LineLength) is { } problem ? StepResult.Fail(problem)
                    : StepResult.Ok(r with { Family = Put(family, i, existing is null ? new FamilyMember(text.Trim(), null) : existing with { Name = text.Trim() }) }),
                Skip = () => StepResult.Ok(r with { Family = Remove(family, i) }, ReferralFlow.AfterLoop("family")),
            };
        }

        var member = family[i];
        if (part == "relationship")
        {
            return Text(
                ReferralSteps.FamilyRelationship(i), FamilySection, $"How is {member.Name} related to the child?",
                "For example: mother, stepfather, mother's partner, grandparent, sibling, family friend.", member.Relationship,
                v => r with { Family = Put(family, i, member with { Relationship = v }) }, max: 100);
        }

        if (part == "dob")
        {
            return Date(
                ReferralSteps.FamilyDateOfBirth(i), FamilySection, $"What is {member.Name}'s date of birth?",
                "Day, month, year (dd/mm/yyyy). Type skip if you don't know it.", member.DateOfBirth,
                v => r with { Family = Put(family, i, member with { DateOfBirth = v }) }, today,
                d => d > today ? "A date of birth can't be in the future. Please check it." : null, optional: true);
        }

        if (part == "address")
        {
            var childAddress = r.Child.Address;
            return Text(
                ReferralSteps.FamilyAddress(i), FamilySection, $"What is {member.Name}'s address?",
                childAddress is null ? "With the postcode. Type skip if you don't know it." : "With the postcode, or type same if it is the child's address. Type skip if you don't know it.",
                member.Address, v => r with { Family = Put(family, i, member with { Address = v }) }, optional: true, max: 300) with
            {
                ReadsSame = childAddress is not null,
                Answer = (text, _) => childAddress is not null && AnswerWords.Normalise(text) is "same" or "the same" or "same as the child" or "same address"
                    ? StepResult.Ok(r with { Family = Put(family, i, member with { Address = childAddress }) })
                    : CheckLine(text, 300) is { } problem ? StepResult.Fail(problem)
                    : StepResult.Ok(r with { Family = Put(family, i, member with { Address = text.Trim() }) }),
            };
        }

        return Another(ReferralSteps.FamilyAnother(i), FamilySection, "Is there anyone else to add?", "person", i, family.Count, r, kept => r with { Family = [.. family.Take(kept)] }, ReferralSteps.FamilyName(i + 1), "family");
    }

    private static Step KeyDates(int i, string part, Referral r, DateOnly today)
    {
        var dates = r.KeyDates;
        if (part == "date")
        {
            var existing = i < dates.Count ? dates[i] : null;
            return Date(
                ReferralSteps.KeyDate(i), KeyDatesSection,
                i == 0 && existing is null ? "Are there other key dates in the case, such as earlier incidents, assessments, meetings or court hearings? Type the first date, or skip if there are none."
                    : existing is null ? "What is the next key date?" : $"What is key date {i + 1}?",
                existing is null ? "Day, month, year (dd/mm/yyyy): for example 14/02/2026. I'll ask what happened on that date next." : "Type skip to remove this date.",
                existing?.Date, _ => r, today, check: null, optional: true, nothingSkips: existing is null) with
            {
                Answer = (text, _) => UkDateParser.Parse(text, today) is { Date: { } date } parsed && parsed.Succeeded
                    ? StepResult.Ok(r with { KeyDates = Put(dates, i, new KeyDate(date, existing?.What ?? string.Empty)) })
                    : StepResult.Fail(UkDateParser.Parse(text, today).Problem ?? UkDateParser.CouldNotRead),
                Skip = () => StepResult.Ok(r with { KeyDates = Remove(dates, i) }, ReferralFlow.AfterLoop("keydates")),
            };
        }

        var keyDate = dates[i];
        if (part == "what")
        {
            return Text(
                ReferralSteps.KeyDateWhat(i), KeyDatesSection, $"What happened on {UkDateParser.Format(keyDate.Date)}?",
                "A sentence is enough.", string.IsNullOrEmpty(keyDate.What) ? null : keyDate.What,
                v => r with { KeyDates = Put(dates, i, keyDate with { What = v ?? string.Empty }) }, max: 1000);
        }

        return Another(ReferralSteps.KeyDateAnother(i), KeyDatesSection, "Is there another key date to add?", "date", i, dates.Count, r, kept => r with { KeyDates = [.. dates.Take(kept)] }, ReferralSteps.KeyDate(i + 1), "keydates");
    }

    /// <summary>"Anyone else?": yes goes to the next entry; no ends the list after this one.</summary>
    private static Step Another(string id, string section, string text, string noun, int i, int count, Referral r, Func<int, Referral> keepFirst, string nextEntry, string loop)
    {
        var later = count - i - 1;
        return YesNo(
            id, section, text,
            later > 0 ? $"You listed {later} more after this {noun}: yes goes through them, no removes them." : "Yes to add another, no to move on.",
            later > 0 ? true : null, _ => r, optional: false) with
        {
            Answer = (answer, _) => AnswerWords.ReadYesNo(answer) switch
            {
                true when i + 1 >= MaxLoopEntries => StepResult.Ok(keepFirst(i + 1), ReferralFlow.AfterLoop(loop), $"That's the most I can take here ({MaxLoopEntries}). Please mention any others in the summary of what happened."),
                true => StepResult.Ok(r, nextEntry),
                false => StepResult.Ok(keepFirst(i + 1), ReferralFlow.AfterLoop(loop)),
                null => StepResult.Fail("Please answer yes or no."),
            },
        };
    }

    private static Step? Agencies(string id, Referral r, ReferralContext ctx)
    {
        var listed = r.Agencies.Where(a => a.AgencyId is not null).ToList();
        var others = r.Agencies.Where(a => a.AgencyId is null).ToList();
        switch (id)
        {
            case ReferralSteps.AgenciesChosen when ctx.Agencies.Count > 0:
                var options = AgencyOptions(ctx);
                return new Step
                {
                    Id = id,
                    Section = AgenciesSection,
                    Kind = ReferralInputKind.MultiChoice,
                    Text = "Which of these agencies have been involved with the child or family?",
                    Hint = "Type the numbers or names, e.g. 1, 3 and police. You can add agencies that aren't listed next. Type skip if none of these.",
                    Options = options,
                    MaxLength = 500,
                    NothingSkips = true,
                    Current = listed.Count == 0 ? null : (string.Join(',', listed.Select(a => a.AgencyId)), string.Join(", ", listed.Select(a => a.Name))),
                    Answer = (text, card) =>
                    {
                        var (chosen, problem) = AnswerWords.IsAll(text) ? ([.. options.Select(o => o.Choice)], null) : ChoiceMatcher.MatchMany(text, options, card, "agency");
                        if (problem is not null)
                        {
                            return StepResult.Fail(problem);
                        }

                        var agencies = chosen.Select(c => ctx.Agencies.First(a => a.Id == c.Value))
                            .Select(a => listed.FirstOrDefault(l => l.AgencyId == a.Id) ?? new InvolvedAgency(a.Name, a.Id));
                        return StepResult.Ok(r with { Agencies = [.. agencies, .. others] });
                    },
                    Skip = () => StepResult.Ok(r with { Agencies = others }),
                };
            case ReferralSteps.AgenciesOther:
                return Text(
                    id, AgenciesSection, ctx.Agencies.Count > 0 ? "Any other agencies involved?" : "Which agencies have been involved with the child or family?",
                    "Type their names separated by commas, e.g. Riverside Academy, Housing Trust. Type skip if there are none.",
                    others.Count == 0 ? null : string.Join(", ", others.Select(a => a.Name)), _ => r, optional: true, max: 1000, nothingSkips: true) with
                {
                    Answer = (text, _) =>
                    {
                        var names = text.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                            .Where(n => !listed.Any(l => string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase)))
                            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                        if (names.Count == 0 || names.Any(n => n.Length > LineLength))
                        {
                            return StepResult.Fail($"Please type the agencies' names, separated by commas (each under {LineLength} characters).");
                        }

                        var typed = names.Select(n => others.FirstOrDefault(o => string.Equals(o.Name, n, StringComparison.OrdinalIgnoreCase)) ?? new InvolvedAgency(n));
                        return StepResult.Ok(r with { Agencies = [.. listed, .. typed] });
                    },
                    Skip = () => StepResult.Ok(r with { Agencies = listed }),
                };
            case ReferralSteps.AgenciesStillInvolved when r.Agencies.Count > 0:
                return StillInvolved(r);
            default:
                return null;
        }
    }

    private static Step StillInvolved(Referral r)
    {
        var options = r.Agencies.Select((a, n) => new ChoiceOption(new(n + 1, (n + 1).ToString(CultureInfo.InvariantCulture), a.Name), [])).ToList();
        var known = r.Agencies.Any(a => a.StillInvolved is not null);
        var still = options.Where(o => r.Agencies[o.Choice.Number - 1].StillInvolved == true).ToList();
        Referral Mark(Func<int, bool?> involved) => r with { Agencies = [.. r.Agencies.Select((a, n) => a with { StillInvolved = involved(n + 1) })] };
        return new Step
        {
            Id = ReferralSteps.AgenciesStillInvolved,
            Section = AgenciesSection,
            Kind = ReferralInputKind.MultiChoice,
            Text = "Which of them are still involved with the child or family?",
            Hint = "Type the numbers, all, or none. Type skip if you don't know.",
            Options = options,
            MaxLength = 500,
            Current = known ? (still.Count == 0 ? "none" : string.Join(',', still.Select(o => o.Choice.Value)), still.Count == 0 ? "None" : string.Join(", ", still.Select(o => o.Choice.Label))) : null,
            Answer = (text, card) =>
            {
                if (AnswerWords.IsAll(text) || AnswerWords.IsNothing(text))
                {
                    var all = AnswerWords.IsAll(text);
                    return StepResult.Ok(Mark(_ => all));
                }

                var (chosen, problem) = ChoiceMatcher.MatchMany(text, options, card, "agency");
                return problem is not null ? StepResult.Fail(problem) : StepResult.Ok(Mark(n => chosen.Any(c => c.Number == n)));
            },
            Skip = () => StepResult.Ok(Mark(_ => null)),
        };
    }

    /// <summary>
    /// Child protection plan periods: the first asks whether there was a plan at all (unless the legal status
    /// says there is one now), each period's end may be skipped while it is in place, and another may follow.
    /// </summary>
    private static Step Plans(int i, string part, Referral r, DateOnly today)
    {
        var child = r.Child;
        var plans = child.ProtectionPlans;
        Referral Set(IReadOnlyList<ProtectionPlanPeriod> changed) => r with { Child = child with { ProtectionPlans = changed } };
        if (part == "start")
        {
            var existing = i < plans.Count ? plans[i] : null;
            var onePlanKnown = i == 0 && OnAPlanNow(child);
            var text = existing is not null ? $"When did child protection plan period {i + 1} start?"
                : i > 0 ? "When did the other child protection plan period start?"
                : onePlanKnown ? "When did the child protection plan start?"
                : "Has the child been subject to a child protection plan? If so, when did the plan start?";
            var hint = existing is not null ? "Type skip to remove this period."
                : onePlanKnown ? "Day, month, year (dd/mm/yyyy), or skip if you don't know it. If there were other plans, I'll ask about them next."
                : "Day, month, year (dd/mm/yyyy), or skip if there has been no plan.";
            return Date(
                ReferralSteps.PlanStart(i), TheChild, text, hint, existing?.Start, _ => r, today,
                check: null, optional: true, nothingSkips: existing is null && !onePlanKnown) with
            {
                Answer = (answer, _) => UkDateParser.Parse(answer, today) is { Date: { } date } parsed && parsed.Succeeded
                    ? date > today ? StepResult.Fail("A plan can't start in the future. Please check the date.")
                        : existing?.End is { } end && end < date ? StepResult.Fail($"That is after the plan ended ({UkDateParser.Format(end)}). Please check the date.")
                        : StepResult.Ok(Set(Put(plans, i, new ProtectionPlanPeriod(date, existing?.End))))
                    : StepResult.Fail(UkDateParser.Parse(answer, today).Problem ?? UkDateParser.CouldNotRead),
                Skip = () => StepResult.Ok(Set(Remove(plans, i)), ReferralFlow.AfterLoop("plans")),
            };
        }

        var period = plans[i];
        if (part == "end")
        {
            return Date(
                ReferralSteps.PlanEnd(i), TheChild, "When did that plan end?", "Day, month, year (dd/mm/yyyy). Type skip if the plan is still in place.",
                period.End, v => Set(Put(plans, i, period with { End = v })), today,
                d => d < period.Start ? $"The plan can't end before it started ({UkDateParser.Format(period.Start)})." : d > today ? "That date is in the future. If the plan is still in place, type skip." : null,
                optional: true);
        }

        return Another(ReferralSteps.PlanAnother(i), TheChild, "Was the child subject to a child protection plan at any other time?", "period", i, plans.Count, r, kept => Set([.. plans.Take(kept)]), ReferralSteps.PlanStart(i + 1), "plans");
    }

    /// <summary>The referring agency's SCR panel member: "me" uses the referrer's own details and asks nothing more.</summary>
    private static Step? PanelMemberStep(string id, Referral r)
    {
        var member = r.PanelMember;
        Referral Set(PanelMember? changed) => r with { PanelMember = changed };
        return id switch
        {
            ReferralSteps.PanelMemberName => Text(
                id, AboutYou, "Who is your agency's member of the board's serious case review panel?",
                "Their full name, or type me if it is you. Type skip if you don't know.", member is { IsReferrer: true } ? "me" : member?.Name,
                _ => r, optional: true) with
            {
                Answer = (text, _) => AnswerWords.Normalise(text) is "me" or "myself" or "i am" or "it's me" or "its me" or "it is me"
                    ? StepResult.Ok(Set(new PanelMember(r.Referrer.Name ?? "The referrer", IsReferrer: true)))
                    : CheckLine(text, LineLength) is { } problem ? StepResult.Fail(problem)
                    : StepResult.Ok(Set(member is { IsReferrer: false } ? member with { Name = text.Trim() } : new PanelMember(text.Trim()))),
                Skip = () => StepResult.Ok(Set(null)),
            },
            ReferralSteps.PanelMemberPhone when member is { IsReferrer: false } => Text(
                id, AboutYou, $"What is {member.Name}'s telephone number?", "Include the area code. Type skip if you don't know it.",
                member.Phone, v => Set(member with { Phone = v }), optional: true, max: 40, check: CheckPhone),
            _ when member is { IsReferrer: false } => Text(
                id, AboutYou, $"What is {member.Name}'s email address?", "For example name@agency.gov.uk. Type skip if you don't know it.",
                member.Email, v => Set(member with { Email = v }), optional: true, max: 254, check: CheckEmail),
            _ => null,
        };
    }

    /// <summary>Other review processes: a child death review is offered only when the child died.</summary>
    private static Step OtherReviews(Referral r)
    {
        var options = ReviewProcessOptions.Where(o => o.Choice.Value != nameof(ReviewProcess.ChildDeathReview) || r.Child.Incident == IncidentKind.Died).ToList();
        var stored = r.OtherReviewProcesses;
        Referral Set(IReadOnlyList<ReviewProcess>? processes) => r with { OtherReviewProcesses = processes };
        return new Step
        {
            Id = ReferralSteps.OtherReviews,
            Section = WhatHappened,
            Kind = ReferralInputKind.MultiChoice,
            Text = "Are any other review processes being considered or under way?",
            Hint = "Choose all that apply, or type none.",
            Options = options,
            MaxLength = 200,
            Current = stored is null ? null
                : stored.Count == 0 ? ("none", "None")
                : (string.Join(',', stored), string.Join(", ", stored.Select(p => ReviewProcessOptions.First(o => o.Choice.Value == p.ToString()).Choice.Label))),
            Answer = (text, card) =>
            {
                if (AnswerWords.IsNothing(text))
                {
                    return StepResult.Ok(Set([]));
                }

                var (chosen, problem) = ChoiceMatcher.MatchMany(text, options, card, "review process");
                return problem is not null ? StepResult.Fail(problem) : StepResult.Ok(Set([.. chosen.Select(c => Enum.Parse<ReviewProcess>(c.Value))]));
            },
            Skip = () => StepResult.Ok(Set([])),
        };
    }

    private static Step Request(Referral r, ReferralContext ctx)
    {
        var options = RequestOptions(ctx);
        var stored = r.Request;
        return Choice(
            ReferralSteps.Request, CriteriaSection, "What are you asking the board to do?",
            "Your request or recommendation to the board. Choose one, or put it in your own words.",
            options, stored is null ? null : (options.FirstOrDefault(o => o.Choice.Label == stored)?.Choice.Value ?? stored, stored), "request", allowOther: true,
            (choice, other) => StepResult.Ok(r with { Request = choice?.Label ?? other }));
    }

    private static IReadOnlyList<ChoiceOption> RequestOptions(ReferralContext ctx)
    {
        var review = ctx.Rulebook.Kind == RulebookKind.Cspr ? "a rapid review and a local child safeguarding practice review" : "a serious case review";
        return
        [
            new(new(1, "review", $"Consider {review}"), ["review", "scr", "cspr", "serious case review"]),
            new(new(2, "other-review", "Consider another kind of review, e.g. a learning lessons review"), ["other review", "learning lessons", "management review", "partnership review"]),
            new(new(3, "advice", "Advise whether a review is needed"), ["advice", "advise", "not sure", "unsure"]),
        ];
    }

    private static Step? CriteriaStep(string questionId, Referral r, Rulebook rulebook)
    {
        var question = rulebook.Questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null || !question.AppliesTo(rulebook.AnswersFor(r)))
        {
            return null;
        }

        bool? current = r.CriteriaAnswers.TryGetValue(question.Id, out var answer) ? answer : null;
        return YesNo(ReferralSteps.Criteria(question.Id), CriteriaSection, question.Text, question.Hint, current, _ => r, optional: false) with
        {
            Answer = (text, _) => AnswerWords.ReadYesNo(text) is { } yes
                ? StepResult.Ok(r with { CriteriaAnswers = Prune(new Dictionary<string, bool>(r.CriteriaAnswers, StringComparer.Ordinal) { [question.Id] = yes }, r, rulebook) })
                : StepResult.Fail(AnswerWords.IsUnsure(text)
                    ? $"I need a yes or no here. {question.Hint} If you're unsure, give the answer closest to what you know now and explain in the last question: the sub-group will look at it."
                    : $"Please answer yes or no. {question.Hint}"),
        };
    }

    private static Step Text(
        string id, string section, string text, string hint, string? current, Func<string?, Referral> set,
        bool optional = false, int max = LineLength, Func<string, string?>? check = null,
        ReferralInputKind kind = ReferralInputKind.Text, bool nothingSkips = false)
        => new()
        {
            Id = id,
            Section = section,
            Kind = kind,
            Text = text,
            Hint = hint,
            MaxLength = max,
            NothingSkips = nothingSkips,
            Current = string.IsNullOrEmpty(current) ? null : (current, current),
            Answer = (answer, _) => (CheckLine(answer, max) ?? check?.Invoke(answer.Trim())) is { } problem
                ? StepResult.Fail(problem)
                : StepResult.Ok(set(answer.Trim())),
            Skip = optional ? () => StepResult.Ok(set(null)) : null,
        };

    private static Step Date(
        string id, string section, string text, string hint, DateOnly? current, Func<DateOnly?, Referral> set, DateOnly today,
        Func<DateOnly, string?>? check, bool optional = false, bool nothingSkips = true)
        => new()
        {
            Id = id,
            Section = section,
            Kind = ReferralInputKind.Date,
            Text = text,
            Hint = hint,
            MaxLength = 40,
            NothingSkips = optional && nothingSkips,
            Current = current is { } d ? (UkDateParser.FormatShort(d), UkDateParser.Format(d)) : null,
            Answer = (answer, _) =>
            {
                var parsed = UkDateParser.Parse(answer, today);
                if (parsed.Date is not { } date)
                {
                    return StepResult.Fail(parsed.Problem ?? UkDateParser.CouldNotRead);
                }

                return check?.Invoke(date) is { } problem ? StepResult.Fail(problem) : StepResult.Ok(set(date));
            },
            Skip = optional ? () => StepResult.Ok(set(null)) : null,
        };

    private static Step YesNo(string id, string section, string text, string hint, bool? current, Func<bool?, Referral> set, bool optional, string? noticeIfNo = null)
        => new()
        {
            Id = id,
            Section = section,
            Kind = ReferralInputKind.YesNo,
            Text = text,
            Hint = hint,
            Options = YesNoOptions,
            MaxLength = 40,
            Current = current is { } b ? (b ? "yes" : "no", b ? "Yes" : "No") : null,
            Answer = (answer, _) => AnswerWords.ReadYesNo(answer) switch
            {
                false when noticeIfNo is not null => StepResult.Ok(set(false), null, noticeIfNo),
                { } yes => StepResult.Ok(set(yes)),
                null when optional && AnswerWords.IsUnsure(answer) => StepResult.Ok(set(null)),
                null => StepResult.Fail(optional ? "Please answer yes or no, or type skip if you don't know." : "Please answer yes or no."),
            },
            Skip = optional ? () => StepResult.Ok(set(null)) : null,
        };

    private static Step Choice(
        string id, string section, string text, string hint, IReadOnlyList<ChoiceOption> options, (string, string)? current,
        string listName, bool allowOther, Func<ReferralChoice?, string?, StepResult> apply)
        => new()
        {
            Id = id,
            Section = section,
            Kind = options.Count > 0 ? ReferralInputKind.Choice : ReferralInputKind.Text,
            Text = text,
            Hint = hint,
            Options = options,
            AllowsOtherText = allowOther,
            Current = current,
            Answer = (answer, card) =>
            {
                var match = ChoiceMatcher.MatchOne(answer, options, card);
                if (match.Choice is { } choice)
                {
                    return apply(choice, null);
                }

                if (allowOther && match.OutOfRange is null && match.Candidates.Count == 0)
                {
                    return CheckLine(answer, LineLength) is { } tooLong ? StepResult.Fail(tooLong) : apply(null, answer.Trim());
                }

                return StepResult.Fail(match.Candidates.Count > 1 || match.OutOfRange is not null
                    ? ChoiceMatcher.Describe(match, answer.Trim(), options, listName) + (allowOther ? " If yours isn't listed, type its full name." : string.Empty)
                    : $"Please choose from the list: type a number from 1 to {options.Count}.");
            },
        };

    private static IReadOnlyList<ChoiceOption> AgencyOptions(ReferralContext ctx)
        => [.. ctx.Agencies.Select((a, n) => new ChoiceOption(new(n + 1, a.Id, a.Name), [a.Id]))];

    private static string? CheckLine(string answer, int max)
    {
        var trimmed = answer.Trim();
        return trimmed.Length == 0 ? Required
            : trimmed.Length > max ? $"That's too long for this answer ({trimmed.Length} characters; the most is {max}). Please shorten it."
            : null;
    }

    private static string? CheckEmail(string email)
        => EmailAddress().IsMatch(email) ? null : "That doesn't look like an email address. Please type it in full, e.g. name@agency.gov.uk.";

    private static string? CheckPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return PhoneCharacters().IsMatch(phone) && digits is >= 10 and <= 15
            ? null
            : "That doesn't look like a phone number. Type it with the area code, e.g. 020 7946 0000 or 07700 900123.";
    }

    private static string? CheckBirth(DateOnly dob, Referral r, DateOnly today)
    {
        if (dob > today)
        {
            return "The date of birth can't be in the future. Please check it.";
        }

        return r.Child.IncidentDate is { } incident ? CheckAges(dob, incident, r) : null;
    }

    private static string? CheckIncident(DateOnly date, Referral r, DateOnly today)
    {
        if (date > today)
        {
            return r.Child.Incident == IncidentKind.Died ? "The date of death can't be in the future. Please check it." : "The date of the incident can't be in the future. Please check it.";
        }

        return r.Child.DateOfBirth is { } dob ? CheckAges(dob, date, r) : null;
    }

    /// <summary>The incident can't predate birth, and reviews are about children (under 18).</summary>
    private static string? CheckAges(DateOnly dob, DateOnly incident, Referral r)
    {
        if (incident < dob)
        {
            return $"That puts the incident ({UkDateParser.Format(incident)}) before {ChildCalled(r)}'s date of birth ({UkDateParser.Format(dob)}). Please check the dates.";
        }

        var age = incident.Year - dob.Year - (incident < dob.AddYears(incident.Year - dob.Year) ? 1 : 0);
        return age >= 18
            ? $"That would make {ChildCalled(r)} {age} on {UkDateParser.Format(incident)}, and reviews are about children under 18. Please check the date of birth ({UkDateParser.Format(dob)}) and the date of the incident ({UkDateParser.Format(incident)})."
            : null;
    }

    private static IReadOnlyList<T> Put<T>(IReadOnlyList<T> list, int i, T item)
        => i < list.Count ? [.. list.Take(i), item, .. list.Skip(i + 1)] : [.. list, item];

    private static IReadOnlyList<T> Remove<T>(IReadOnlyList<T> list, int i) => [.. list.Where((_, n) => n != i)];

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Alias();

    [GeneratedRegex(@"\b(?:designated safeguarding (?:lead|officer)|dsl|deputy dsl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DslWords();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^\+?[\d\s()\-]+(?:\s*(?:ext\.?|x)\s*\d{1,5})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneCharacters();
}
