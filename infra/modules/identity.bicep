// The user-assigned managed identity the web app runs as: the bot's identity (UserAssignedMSI), and the
// one that reads Table storage, Key Vault and (by app role assignments made after deployment) Graph.
@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id (for the web app and the Azure Bot).')
output id string = identity.id

@description('Client id (the bot app id when the bot type is UserAssignedMSI).')
output clientId string = identity.properties.clientId

@description('Object id of the service principal (for role and Graph app role assignments).')
output principalId string = identity.properties.principalId
