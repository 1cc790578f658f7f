namespace ReviewBot.Core.Criteria;

/// <summary>
/// The citations of guidance whose paragraph numbers could not be read in the source text here. They sit in
/// one place so that a test can hold every other citation to a chapter and paragraph (or a section and
/// regulation), and stop a paragraph number being added that nobody read.
/// </summary>
/// <remarks>
/// Working Together is cited by chapter and heading, each marked <see cref="ParagraphNotVerified"/>. Searched on
/// 1 December 2026: domain.md and the seeds quote no Working Together paragraph number; the stored copies of the
/// 2018 text (docslib.org/doc/1465356, info.5y1.org, zbook.org, scribd.com/document/651991390) and of a 2013
/// critique (studylib.net/doc/6712588) yield only each document's opening pages; the GitHub index holds no copy.
/// Local procedures that reproduce the chapters confirm the chapters, headings and wording used here (each
/// constant names the one it was read in), but give no paragraph numbers. Searched again on 1 December 2026 (session
/// 20) for the SCR criteria, "no concerns about inter-agency working", the six-month completion, the 5- and
/// 15-working-day steps, the local-review circumstances, publication and the panel's notice: local procedures
/// (proceduresonline.com, trixonline.co.uk, procedures.org.uk, safeguardingpolicies.org.uk, teescpp.org.uk,
/// traffordsafeguardingpartnership.org.uk, kscmp.org.uk), SCIE's quality markers (which cite Working Together 2015
/// by page, p 72, not paragraph), the Panel's 2019 practice guidance and workingtogetheronline.co.uk quote the
/// wording by chapter or page only; the stored copies of the guidance still yield only their opening pages, and
/// the GitHub index holds no text of it. Replace a marker only with a number
/// read in the guidance itself, add the citation to <see cref="VerifiedParagraphs"/> and say where it was read.
/// </remarks>
public static class SourceCitations
{
    /// <summary>The marker on a citation whose paragraph number could not be checked.</summary>
    public const string ParagraphNotVerified = "paragraph number not verified here";

    /// <summary>
    /// Working Together 2013, chapter 4 ("Learning and improvement framework"), heading "Serious Case Reviews":
    /// the six-month completion from initiation (domain.md). Chapter and heading as the Liverpool LSCP procedure
    /// cites them: https://liverpoolscp.proceduresonline.com/chapters/p_serious_case_review.html.
    /// </summary>
    public const string WorkingTogether2013SeriousCaseReviews =
        "Working Together to Safeguard Children 2013 ch 4, \"Serious Case Reviews\" (" + ParagraphNotVerified + ")";

    /// <summary>
    /// Working Together 2015, chapter 4, heading "Serious Case Reviews": the reg 5 cases, suicide under (b)(i), and
    /// "unless it is clear that there are no concerns about inter-agency working" under (b)(ii). Wording read in
    /// the Milton Keynes SCB procedure, which says it is taken from that chapter and heading:
    /// https://mkscb.procedures.org.uk/pkyyph/milton-keynes-safeguarding-children-board-and-organisational-responsibilities/serious-case-review-including-mkscb-summary-of-process-and-flowchart.
    /// </summary>
    public const string WorkingTogether2015SeriousCaseReviews =
        "Working Together to Safeguard Children 2015 ch 4, \"Serious Case Reviews\" (" + ParagraphNotVerified + ")";

    /// <summary>
    /// Working Together 2018, chapter 4 ("Improving child protection and safeguarding practice"), heading
    /// "Decisions on local and national reviews": the circumstances beyond reg 11 (a single agency, no agency
    /// involvement, more than one local authority, police or health area, institutional settings). Heading as in
    /// Durham SCP's copy of the chapter (https://www.proceduresonline.com/durham/scb/p_improve_cp_sg.html);
    /// circumstances as Sefton quotes them
    /// (https://seftonlscb.safeguardingpolicies.org.uk/lscb/sec-11-local-child-safeguarding-practice-reviews/111-local-child-safeguarding-practice-review).
    /// </summary>
    public const string WorkingTogether2018Reviews =
        "Working Together to Safeguard Children 2018 ch 4, \"Decisions on local and national reviews\" (" + ParagraphNotVerified + ")";

    /// <summary>
    /// Working Together 2023, chapter 5: serious child safeguarding cases, serious harm, the 5-working-day
    /// notification and the 15-working-day rapid review. Chapter as the Tees protocol 1.1 cites it
    /// (https://www.teescpp.org.uk/procedures-and-guidance-on-specific-issues-that-affect-children/serious-child-safeguarding-incidents-rapid-reviews-safeguarding-practice-reviews).
    /// </summary>
    public const string WorkingTogether2023 =
        "Working Together to Safeguard Children 2023 ch 5 (" + ParagraphNotVerified + ")";

    /// <summary>
    /// The Enfield procedure's rule that a review should always be done for a death in custody, a secure setting or
    /// while detained under the Mental Capacity Act 2005 (so the seed words it, domain.md). domain.md gives no
    /// section or paragraph for it; Working Together 2015 ch 4 reads "Mental Health Act 2005" (Milton Keynes SCB, above).
    /// </summary>
    public const string EnfieldCustody =
        "Enfield ESCB serious case review procedure, criteria (" + ParagraphNotVerified + "); Working Together 2013 ch 4 reads \"Mental Health Act 2005\"";

    /// <summary>Every citation cited without a verified paragraph number.</summary>
    public static IReadOnlyList<string> WithoutVerifiedParagraph { get; } =
    [
        WorkingTogether2013SeriousCaseReviews,
        WorkingTogether2015SeriousCaseReviews,
        WorkingTogether2018Reviews,
        WorkingTogether2023,
        EnfieldCustody,
    ];

    /// <summary>
    /// Working Together citations whose paragraph number was read in the guidance itself (none yet): the only
    /// ones that may name a Working Together paragraph.
    /// </summary>
    public static IReadOnlyList<string> VerifiedParagraphs { get; } = [];
}
