using OnKernel.ApiKeys.ContractTests.Infrastructure;
using OnKernel.ApiKeys.ContractTests.Spec;
using OnKernel.Testing;

namespace OnKernel.ApiKeys.ContractTests.FakeServer;

/// <summary>
/// A FakeKernel holding what the contract tests address: the harness's key, the ids the
/// facade calls use (key_contract, key_1), and a key mirroring the spec's ApiKey example
/// (id, name, project and masked key), so example-based assertions hold for the fake too.
/// </summary>
internal static class ContractFake
{
    /// <summary>The plaintext of key_contract, for a client that is that key (a key cannot delete itself).</summary>
    public const string KeyContractPlaintext = "sk_test_key_contract";

    public static FakeKernel Create()
    {
        var spec = KernelSpec.Current;
        var fake = new FakeKernel();
        fake.AddProject(spec.Example("ApiKey", "project_id"), spec.Example("ApiKey", "project_name"));
        fake.AddProject("proj_1");
        fake.SeedKey(FacadeHarness.ApiKey, "contract-harness", id: "key_admin");
        fake.SeedKey(KeyContractPlaintext, "contract", id: "key_contract");
        fake.SeedKey("sk_test_key_1", "key-1", id: "key_1");

        // "sk_1234" + ... + "abcd" masks to the example's "sk_1234...abcd".
        fake.SeedKey("sk_1234_spec_example_abcd", spec.Example("ApiKey", "name"), spec.Example("ApiKey", "project_id"), id: spec.Example("ApiKey", "id"));
        return fake;
    }
}
