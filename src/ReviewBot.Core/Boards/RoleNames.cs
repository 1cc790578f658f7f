namespace ReviewBot.Core.Boards;

/// <summary>Roles as people say them.</summary>
public static class RoleNames
{
    /// <summary>e.g. "board chair", "sub-group chair".</summary>
    public static string Of(BoardRole role) => role switch
    {
        BoardRole.Referrer => "referrer",
        BoardRole.BusinessManager => "business manager",
        BoardRole.SubGroupChair => "sub-group chair",
        BoardRole.SubGroupMember => "sub-group member",
        BoardRole.BoardChair => "board chair",
        BoardRole.HeadOfSafeguarding => "head of safeguarding",
        BoardRole.DirectorOfChildrensServices => "director of children's services",
        BoardRole.PanelMember => "panel member",
        BoardRole.ImrAuthor => "IMR author",
        BoardRole.LeadReviewer => "lead reviewer",
        BoardRole.ActionOwner => "action's owner",
        _ => role.ToString(),
    };

    /// <summary>"the board chair" or "the sub-group chair or the business manager".</summary>
    public static string Either(IEnumerable<BoardRole> roles)
        => string.Join(" or ", roles.Select(r => "the " + Of(r)));
}
