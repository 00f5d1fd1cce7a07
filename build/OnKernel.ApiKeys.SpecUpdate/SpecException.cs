namespace OnKernel.ApiKeys.SpecUpdate;

/// <summary>A problem with the input that ends the command with exit code 1 and this one-line message.</summary>
internal sealed class SpecException(string message) : Exception(message);
