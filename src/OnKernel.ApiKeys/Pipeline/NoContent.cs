namespace OnKernel;

/// <summary>The "value" of a response without a body (a 204), so bodiless calls share the pipeline.</summary>
internal readonly struct NoContent
{
}
