using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Core.Data;

/// <summary>Stores enums as the lowercase words the API speaks ("admin", "ingest").</summary>
internal sealed class LowercaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
