namespace ReviewBot.Core;
/// <summary>x</summary>
public static class CorePlaceholder {}
