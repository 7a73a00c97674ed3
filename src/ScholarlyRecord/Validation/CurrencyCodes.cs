using System.Collections.Frozen;

namespace ScholarlyRecord.Validation;

/// <summary>
/// The active alphabetic codes of ISO 4217 (list one, as amended to 2025), less <c>XTS</c> (reserved for testing) and
/// <c>XXX</c> (no currency), which never price anything. Withdrawn codes (<c>HRK</c>, <c>ZWL</c>, <c>SLL</c>, <c>CUC</c>)
/// are not listed; <c>ANG</c> stays while <c>XCG</c> replaces it.
/// </summary>
internal static class CurrencyCodes
{
    private static readonly FrozenSet<string> Active = FrozenSet.Create(
        StringComparer.Ordinal,
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN",
        "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD",
        "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
        "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
        "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN",
        "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
        "OMR",
        "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
        "QAR",
        "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
        "VED", "VES", "VND", "VUV",
        "WST",
        "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA",
        "YER",
        "ZAR", "ZMW", "ZWG");

    /// <summary>True when <paramref name="code"/> is an active ISO 4217 code, exactly as written (upper case).</summary>
    public static bool IsActive(string? code) => code is { Length: 3 } && Active.Contains(code);

    /// <summary>Why a code is not accepted, for messages.</summary>
    public static string Describe(string code) => code.Length == 3 && Active.Contains(code.ToUpperInvariant())
        ? $"\"{code}\" must be written in upper case ({code.ToUpperInvariant()})"
        : $"\"{code}\" is not an active ISO 4217 currency code";
}
