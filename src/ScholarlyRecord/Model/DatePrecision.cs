namespace ScholarlyRecord;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>Only the year is known, as in <c>1992</c>.</summary>
    Year,

    /// <summary>The year and a season are known, as in <c>Spring 1992</c> (EDTF <c>1992-21</c>).</summary>
    Season,

    /// <summary>The year and the month are known, as in <c>1992-03</c>.</summary>
    Month,

    /// <summary>The full calendar date is known, as in <c>1992-03-15</c>.</summary>
    Day,
}
