namespace ReviewBot.Core.Calendar;

/// <summary>One England and Wales bank holiday, as the gov.uk bank-holidays feed names it.</summary>
/// <param name="Date">The day off (a substitute day when the holiday itself falls at a weekend).</param>
/// <param name="Title">e.g. "Christmas Day".</param>
/// <param name="Notes">e.g. "Substitute day"; empty when there is nothing to add.</param>
public sealed record BankHoliday(DateOnly Date, string Title, string Notes = "");
