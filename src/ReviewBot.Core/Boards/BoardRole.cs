namespace ReviewBot.Core.Boards;

/// <summary>Roles people hold on a board or on a case (domain.md, "Roles").</summary>
public enum BoardRole
{
    /// <summary>The professional who referred the case.</summary>
    Referrer,

    /// <summary>Board business manager: receives referrals, runs the process.</summary>
    BusinessManager,

    /// <summary>Chair of the SCR sub-group: recommends to the board chair.</summary>
    SubGroupChair,

    /// <summary>Member of the SCR sub-group.</summary>
    SubGroupMember,

    /// <summary>Board chair (SCR) or the safeguarding partners' lead (CSPR): decides.</summary>
    BoardChair,

    /// <summary>Head of safeguarding: the one-working-day checks after a decision.</summary>
    HeadOfSafeguarding,

    /// <summary>Director of children's services: informed of decisions.</summary>
    DirectorOfChildrensServices,

    /// <summary>Review panel member for an agency.</summary>
    PanelMember,

    /// <summary>Author of an agency's Individual Management Report.</summary>
    ImrAuthor,

    /// <summary>Independent lead reviewer.</summary>
    LeadReviewer,

    /// <summary>Owner of an action in the review's action plan (given per case, when an action is assigned).</summary>
    ActionOwner,
}
