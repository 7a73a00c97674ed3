namespace ScholarlyRecord.Formats;

/// <summary>A field of a tagged record: its tag and its value (RIS and EndNote fields both are).</summary>
internal interface ITaggedField
{
    string Tag { get; }

    string Value { get; }
}

/// <summary>The field-list rules that RIS and EndNote records share: checked on creation, looked up by tag ordinally.</summary>
internal static class TaggedFields
{
    /// <summary>The fields as an immutable list; a null field throws <see cref="ArgumentNullException"/> for <paramref name="paramName"/>.</summary>
    public static ValueList<T> From<T>(IEnumerable<T> fields, string paramName)
        where T : class, ITaggedField
    {
        ArgumentNullException.ThrowIfNull(fields, paramName);
        var list = ValueList.From(fields);
        foreach (var field in list)
        {
            ArgumentNullException.ThrowIfNull(field, paramName);
        }
        return list;
    }

    /// <summary>The value of the first field with this tag, or null when there is none.</summary>
    public static string? First<T>(ValueList<T> fields, string tag)
        where T : class, ITaggedField
    {
        ArgumentNullException.ThrowIfNull(tag);
        foreach (var field in fields)
        {
            if (string.Equals(field.Tag, tag, StringComparison.Ordinal)) return field.Value;
        }
        return null;
    }

    /// <summary>The values of every field with this tag, in order (empty when there is none).</summary>
    public static IReadOnlyList<string> All<T>(ValueList<T> fields, string tag)
        where T : class, ITaggedField
    {
        ArgumentNullException.ThrowIfNull(tag);
        List<string>? values = null;
        foreach (var field in fields)
        {
            if (string.Equals(field.Tag, tag, StringComparison.Ordinal)) (values ??= []).Add(field.Value);
        }
        return values is null ? ValueList<string>.Empty : ValueList.From(values);
    }
}
