namespace OnKernel.ApiKeys.Tests.Pipeline;

/// <summary>How an operation is named in traces and messages when no SDK name is given.</summary>
public class KernelOperationTests
{
    [Test]
    public void Without_a_name_an_operation_is_named_by_its_method_and_path()
    {
        var operation = new KernelOperation("PATCH", "org/api_keys/{id}", "ApiKey");

        Assert.That(operation.Name, Is.EqualTo("PATCH org/api_keys/{id}"));
        Assert.That(operation.ToString(), Is.EqualTo("PATCH org/api_keys/{id}"));
        Assert.That(operation.UrlTemplate, Is.EqualTo("/org/api_keys/{id}"));
    }

    [Test]
    public void A_given_name_is_kept_for_every_page_of_a_list()
    {
        var list = new KernelOperation("GET", "org/api_keys", "ApiKey[]", name: "ApiKeys.ListPage");

        var page = list.ForPage(limit: 20, offset: 40);

        Assert.That((page.Name, page.PageLimit, page.PageOffset), Is.EqualTo(("ApiKeys.ListPage", (int?)20, (int?)40)));
        Assert.That(page.ToString(), Is.EqualTo("GET org/api_keys"));
    }
}
