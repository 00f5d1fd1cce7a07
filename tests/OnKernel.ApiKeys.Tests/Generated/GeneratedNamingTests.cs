using System.Reflection;
using Newtonsoft.Json;

namespace OnKernel.ApiKeys.Tests.Generated;

/// <summary>The generator host's naming rules: .NET names in C#, the spec's names on the wire.</summary>
public class GeneratedNamingTests
{
    private static readonly Assembly Library = typeof(ApiKeysClient).Assembly;

    [Test]
    public void No_public_type_or_member_name_contains_an_underscore()
    {
        var offenders = Library.GetExportedTypes()
            .SelectMany(t => new[] { t.Name }.Concat(t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not ConstructorInfo && !(m is MethodInfo { IsSpecialName: true }) && !(m is FieldInfo { IsSpecialName: true }))
                .SelectMany(m => new[] { t.Name + "." + m.Name }.Concat(
                    (m as MethodInfo)?.GetParameters().Select(p => t.Name + "." + m.Name + "(" + p.Name + ")") ?? []))))
            .Where(n => n.Contains('_'))
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Inline_parameter_enums_are_named_after_their_resource()
    {
        // NSwag alone names them after the parameter ("Status", "Sort_by"): too generic to be public.
        Assert.That(Library.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.Name),
            Is.EquivalentTo(new[] { "ApiKeyStatus", "ApiKeySortBy", "ApiKeySortDirection" }));
    }

    [TestCase(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.DaysToExpire), "days_to_expire")]
    [TestCase(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.ProjectId), "project_id")]
    [TestCase(typeof(ApiKey), nameof(ApiKey.CreatedAt), "created_at")]
    [TestCase(typeof(ApiKey), nameof(ApiKey.CreatedBy), "created_by")]
    [TestCase(typeof(ApiKey), nameof(ApiKey.ExpiresAt), "expires_at")]
    [TestCase(typeof(ApiKey), nameof(ApiKey.DeletedAt), "deleted_at")]
    [TestCase(typeof(ApiKey), nameof(ApiKey.ProjectName), "project_name")]
    [TestCase(typeof(ApiKey), nameof(ApiKey.MaskedKey), "masked_key")]
    [TestCase(typeof(Error), nameof(Error.InnerError), "inner_error")]
    public void Pascal_case_property_keeps_its_wire_name(Type type, string property, string wireName)
    {
        var attribute = type.GetProperty(property)!.GetCustomAttribute<JsonPropertyAttribute>();
        Assert.That(attribute?.PropertyName, Is.EqualTo(wireName));
    }

    [Test]
    public void Nullability_follows_the_spec()
    {
        var context = new NullabilityInfoContext();
        string State(Type t, string p) => context.Create(t.GetProperty(p)!).ReadState.ToString();
        bool IsNullableValue(Type t, string p) => Nullable.GetUnderlyingType(t.GetProperty(p)!.PropertyType) is not null;

        Assert.Multiple(() =>
        {
            Assert.That(IsNullableValue(typeof(ApiKey), nameof(ApiKey.ExpiresAt)), Is.True);
            Assert.That(IsNullableValue(typeof(ApiKey), nameof(ApiKey.DeletedAt)), Is.True);
            Assert.That(IsNullableValue(typeof(ApiKey), nameof(ApiKey.CreatedAt)), Is.False);
            Assert.That(IsNullableValue(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.DaysToExpire)), Is.True);
            Assert.That(State(typeof(ApiKey), nameof(ApiKey.ProjectId)), Is.EqualTo("Nullable"));
            Assert.That(State(typeof(ApiKey), nameof(ApiKey.ProjectName)), Is.EqualTo("Nullable"));
            Assert.That(State(typeof(ApiKeyCreator), nameof(ApiKeyCreator.Name)), Is.EqualTo("Nullable"));
            Assert.That(State(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.ProjectId)), Is.EqualTo("Nullable"));
            Assert.That(State(typeof(ApiKey), nameof(ApiKey.Id)), Is.EqualTo("NotNull"));
            Assert.That(State(typeof(ApiKey), nameof(ApiKey.MaskedKey)), Is.EqualTo("NotNull"));
            Assert.That(State(typeof(CreatedApiKey), nameof(CreatedApiKey.Key)), Is.EqualTo("NotNull"));
            Assert.That(State(typeof(CreateApiKeyRequest), nameof(CreateApiKeyRequest.Name)), Is.EqualTo("NotNull"));
        });
    }
}
