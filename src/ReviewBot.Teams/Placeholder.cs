namespace ReviewBot.Teams;
/// <summary>x</summary>
public static class TeamsPlaceholder {}
