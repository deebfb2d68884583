using System.Text.Json;
using System.Text.Json.Serialization;
using Mutua.Core.CheckIns;

namespace Mutua.Web.Infrastructure;

/// <summary>
/// The API's JSON, strict so that the document can say exactly what it takes (issue 19): numbers are JSON numbers
/// (a number in a string is a 400), enums are their camelCase names (a number for an enum is a 400), and the parts a
/// household shares with its group are an array of names, not a comma string.
/// </summary>
public static class JsonContract
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        // Before the general enum converter, which would read and write the flags as "goals, income".
        options.Converters.Add(new SharedPartsConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}

/// <summary><see cref="SharedParts"/> as ["goals", "needsAndWants"]; [] is none. Anything else is unreadable (400).</summary>
public sealed class SharedPartsConverter : JsonConverter<SharedParts>
{
    private static readonly Dictionary<string, SharedParts> ByName = Enum.GetValues<SharedParts>().Where(p => p != SharedParts.None)
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.ToString()), StringComparer.Ordinal);

    public override SharedParts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("sharedWithGroup is an array of part names.");
        var parts = SharedParts.None;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String || !ByName.TryGetValue(reader.GetString()!, out var part))
                throw new JsonException("sharedWithGroup names parts: " + string.Join(", ", ByName.Keys) + ".");
            parts |= part;
        }
        return parts;
    }

    public override void Write(Utf8JsonWriter writer, SharedParts value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var (name, part) in ByName)
        {
            if (value.HasFlag(part)) writer.WriteStringValue(name);
        }
        writer.WriteEndArray();
    }
}
